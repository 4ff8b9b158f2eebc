<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/contacts.py" line="+12"/>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People, phone numbers and call trees from the plan, searchable offline; import and export CSV and vCard; print the call tree.</source>
        <translation>预案中的人员、电话号码和呼叫树，断网也能查找；支持导入、导出 CSV 和 vCard 文件；可打印呼叫树。</translation>
    </message>
</context>
<context>
    <name>Criticality</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+115"/>
        <source>Critical</source>
        <translation>关键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/dashboard.py" line="+73"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No active incident</source>
        <translation>当前无应急事件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Normal operations. When the hospital information systems fail, the incident, its warning level and its reporting clocks will show here.</source>
        <translation>系统运行正常。医院信息系统发生故障时，应急事件、预警级别和报告时限将显示在这里。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warning levels</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{title} — version {version}, revised {revised}</source>
        <translation>{title} — 第 {version} 版，修订于 {revised}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Operator on duty</source>
        <translation>当前值班人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+8"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/forms.py" line="+12"/>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downtime paper forms: preview and print them with the incident number and a serial number on every sheet, then track each paper record until it has been entered back into the HIS.</source>
        <translation>停机纸质表单：预览并打印，每页都印有事件编号和流水号；随后跟踪每份纸质记录，直到它补录进 HIS。</translation>
    </message>
</context>
<context>
    <name>IncidentPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/incident.py" line="+12"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Declare an incident and set its warning level; track the status of every system, keep the activity log, tick the checklists and watch the reporting clocks; resolve the incident when the systems are back.</source>
        <translation>宣布应急事件并设定预警级别；跟踪每个系统的状态，记录处置日志，逐项勾选检查清单，盯紧报告时限；系统恢复后结束事件。</translation>
    </message>
</context>
<context>
    <name>LevelChip</name>
    <message>
        <location filename="../../hisconsole/ui/pages/dashboard.py" line="-100"/>
        <source>Level {code}</source>
        <translation>{code} 级</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report within {duration}</source>
        <translation>{duration}内上报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-up every {duration}</source>
        <translation>每 {duration}续报</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="+180"/>
        <location line="+53"/>
        <source>HIS Console</source>
        <translation>HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>About HIS Console</source>
        <translation>关于 HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HIS Console {version}

The offline emergency console for hospital information system downtime: the plan, contacts, call trees and paper forms at hand when the network and the HIS are down.

Licensed under the Apache License 2.0. Chinese text uses the WenQuanYi Micro Hei font (Apache License 2.0).</source>
        <translation>HIS 应急指挥台（医院信息系统应急指挥台）{version}

医院信息系统停机时使用的离线应急指挥台：即使网络和 HIS 都已中断，预案、通讯录、呼叫树和纸质表单依然随手可用。

本程序依据 Apache License 2.0 授权。中文显示使用文泉驿微米黑字体（Apache License 2.0）。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Switch operator…</source>
        <translation>切换值班人员(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About HIS Console</source>
        <translation>关于 HIS 应急指挥台(&amp;A)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{page} ({shortcut})</source>
        <translation>{page}（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/plan.py" line="+54"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{hospital} · {owner} · version {version} · revised {revised}</source>
        <translation>{hospital} · {owner} · 第 {version} 版 · 修订于 {revised}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warning levels</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response groups</source>
        <translation>应急工作组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Systems</source>
        <translation>信息系统</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report within</source>
        <translation>上报时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up every</source>
        <translation>续报间隔</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Criticality</source>
        <translation>重要程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum downtime</source>
        <translation>最长允许中断</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-23"/>
        <source>Commander</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IT duty officer</source>
        <translation>信息科值班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business recovery lead</source>
        <translation>业务恢复组负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scribe</source>
        <translation>记录员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan editor</source>
        <translation>预案编辑</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../hisconsole/ui/runner.py" line="+48"/>
        <source>Something went wrong that HIS Console did not expect: {error}</source>
        <translation>HIS 应急指挥台遇到了意外错误：{error}</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>HIS Console</source>
        <translation>HIS 应急指挥台</translation>
    </message>
</context>
<context>
    <name>ScrollingPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/base.py" line="+104"/>
        <source>Reading the plan…</source>
        <translation>正在读取预案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This console holds no plan yet. Import one with &apos;hisconsole plan import&apos;.</source>
        <translation>本机尚无预案。请用“hisconsole plan import”命令导入预案。</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../hisconsole/ui/runner.py" line="-137"/>
        <source>Enter the operator&apos;s name.</source>
        <translation>请输入值班人员的姓名。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/settings.py" line="+40"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window settings file</source>
        <translation>界面设置文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device ID</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt version</source>
        <translation>Qt 版本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Settings for the hub connection, trusted devices and printing will be added here.</source>
        <translation>中心服务器连接、受信任设备和打印等设置将在这里添加。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../hisconsole/ui/signin.py" line="+103"/>
        <location line="+11"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Who is on duty at this console? Everything recorded from now on is signed with this name.</source>
        <translation>现在由谁在这台指挥台值班？从现在起记录的所有内容都将署上这个姓名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hisconsole/ui/app.py" line="+96"/>
        <source>HIS Console cannot start</source>
        <translation>HIS 应急指挥台无法启动</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../hisconsole/ui/banner.py" line="+71"/>
        <source>No active incident — normal operations</source>
        <translation>当前无应急事件 — 系统运行正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level {code}: {text}</source>
        <translation>{code} 级：{text}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On duty: {name} ({role})</source>
        <translation>值班：{name}（{role}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan v{version}</source>
        <translation>预案第 {version} 版</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/sync.py" line="+12"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Swap updates with the other console laptops by USB file while the network is down, and sync with the central hub when it returns; accept new devices and see what came from where.</source>
        <translation>网络中断时，通过 U 盘文件与其他指挥台笔记本交换更新；网络恢复后与中心服务器同步；接受新设备，并查看每项更新的来源。</translation>
    </message>
</context>
<context>
    <name>UpcomingPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/base.py" line="+31"/>
        <source>This page is not available yet in this version.</source>
        <translation>此页面在当前版本中尚未提供。</translation>
    </message>
</context>
</TS>
