"""The shift handover on screen: the sheet, recording it as PDF, the acknowledgement."""
