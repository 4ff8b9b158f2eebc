# HIS Console: phonenumbers without its geocoder, carrier and time-zone data (40 MB);
# the console only validates and formats numbers. The region metadata is loaded
# with __import__, so it is listed here.
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
excludedimports = ["phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata"]
