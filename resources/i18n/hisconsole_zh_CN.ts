<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddStepDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="+655"/>
        <source>&amp;Group:</source>
        <translation>小组(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add checklist step</source>
        <translation>添加检查清单步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <location line="-201"/>
        <source>&amp;Incident:</source>
        <translation>应急事件(&amp;I)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no open incident to attach the report to.</source>
        <translation>当前没有可归入该报告的进行中事件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach report to incident</source>
        <translation>将报告归入事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reporter} ({department}): {what}</source>
        <translation>{reporter}（{department}）：{what}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach</source>
        <translation>归入</translation>
    </message>
</context>
<context>
    <name>CallStatus</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+164"/>
        <source>Not yet called</source>
        <translation>尚未呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left message</source>
        <translation>已留言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>无法到岗</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location line="-26"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
</context>
<context>
    <name>ClockKinds</name>
    <message>
        <location line="+57"/>
        <source>Initial report</source>
        <translation>首次报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report on level change</source>
        <translation>级别变更报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
</context>
<context>
    <name>ClockTile</name>
    <message>
        <location filename="../../hisconsole/ui/widgets.py" line="+90"/>
        <location line="+23"/>
        <source>Reporting clock</source>
        <translation>报告时限</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No report is due.</source>
        <translation>当前无待报事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{report} (level {level})</source>
        <translation>{report}（{level} 级）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>OVERDUE — was due at {time}. Report now.</source>
        <translation>已超时 — 应于 {time} 前报告，请立即上报。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Due at {time}</source>
        <translation>截止时间 {time}</translation>
    </message>
</context>
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
        <location filename="../../hisconsole/ui/i18n.py" line="-90"/>
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
        <location filename="../../hisconsole/ui/pages/dashboard.py" line="+130"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Declare incident (Ctrl+D)</source>
        <translation>宣布应急事件 (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declare incident</source>
        <translation>宣布应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a report (Ctrl+R)</source>
        <translation>登记报告信息 (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a report received</source>
        <translation>登记收到的报告信息</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Report overdue: {id}</source>
        <translation>报告已超时：{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{report} for level {level} was due at {time}.</source>
        <translation>{level} 级{report}应于 {time} 前完成。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reports to assess</source>
        <translation>待研判的报告信息</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No active incident</source>
        <translation>当前无应急事件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Normal operations. When the hospital information systems fail, the incident, its warning level and its reporting clocks will show here.</source>
        <translation>系统运行正常。医院信息系统发生故障时，应急事件、预警级别和报告时限将显示在这里。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Level {code} · {name} — {title}</source>
        <translation>{code} 级 · {name} — {title}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{id} · first reported {reported} · declared by {by}</source>
        <translation>{id} · 首报时间 {reported} · 宣布人 {by}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Call next</source>
        <translation>下一位呼叫</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Systems</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No system recorded yet.</source>
        <translation>尚未记录任何系统。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record upward report…</source>
        <translation>记录上报…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change level…</source>
        <translation>变更级别…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open incident</source>
        <translation>打开事件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No call-out started. Start one on the incident page (Call-out).</source>
        <translation>尚未启动通知呼叫。请在“应急事件”页的“通知呼叫”中启动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{tree}: reached {reached} of {total}</source>
        <translation>{tree}：已联系 {reached} / {total} 人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} (alternate for {original})</source>
        <translation>{name}（代替 {original}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everyone has been reached.</source>
        <translation>所有人均已联系上。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{time} · {reporter} ({department}) · {channel}</source>
        <translation>{time} · {reporter}（{department}）· {channel}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Declare…</source>
        <translation>宣布事件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach…</source>
        <translation>归入事件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No incident…</source>
        <translation>非应急事件…</translation>
    </message>
    <message>
        <location line="+16"/>
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
    <name>DeclareDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="-272"/>
        <source>&amp;Scenario:</source>
        <translation>情景(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning &amp;level:</source>
        <translation>预警级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affected systems:</source>
        <translation>受影响系统：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;reported at:</source>
        <translation>首次报告时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Declare incident</source>
        <translation>宣布应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no playbook)</source>
        <translation>（不使用处置预案）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exercise (drill) — marked {mark}</source>
        <translation>演练 — 标记为 {mark}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the report of {reporter} ({department}): {what}</source>
        <translation>依据 {reporter}（{department}）的报告：{what}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Declare</source>
        <translation>宣布</translation>
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
    <name>FormDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="-138"/>
        <source>OK</source>
        <translation>确定</translation>
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
    <name>IncidentActions</name>
    <message>
        <location filename="../../hisconsole/ui/actions.py" line="+54"/>
        <source>Close report as no incident</source>
        <translation>判定为非应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close report</source>
        <translation>关闭报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the reason why this is not an incident.</source>
        <translation>请说明为何不构成应急事件。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Every system of {id} is recorded as recovered.</source>
        <translation>{id} 的所有系统均已记录为恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not yet recorded as recovered: {systems}. Resolving records them as restored now.</source>
        <translation>尚未记录为恢复：{systems}。解除事件时将记录为此刻已恢复。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resolve incident</source>
        <translation>解除应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing &amp;note:</source>
        <translation>结束说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve</source>
        <translation>解除</translation>
    </message>
</context>
<context>
    <name>IncidentPage</name>
    <message>
        <location filename="../../hisconsole/ui/pages/incident.py" line="+181"/>
        <location line="+277"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="-202"/>
        <location line="+32"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <location line="+127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+28"/>
        <source>Repair estimate</source>
        <translation>预计修复</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+68"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply required</source>
        <translation>需回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replied by</source>
        <translation>回复人</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternate</source>
        <translation>替补人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alternate status</source>
        <translation>替补状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last call</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalates at</source>
        <translation>转替补时间</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>In&amp;cident:</source>
        <translation>应急事件(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change level…</source>
        <translation>变更级别…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record upward report…</source>
        <translation>记录上报…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve…</source>
        <translation>解除事件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systems</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Call-out</source>
        <translation>通知呼叫</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Entry kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry group</source>
        <translation>记录所属小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry system</source>
        <translation>记录相关系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a log entry and press Enter (Ctrl+L)</source>
        <translation>输入日志内容后按回车 (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log entry</source>
        <translation>日志记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to log</source>
        <translation>写入日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text in the entry, author or system</source>
        <translation>日志内容、记录人或系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the log</source>
        <translation>筛选日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no system)</source>
        <translation>（不指定系统）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no group)</source>
        <translation>（不指定小组）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>All groups</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the selected log entry</source>
        <translation>更正所选日志记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set status…</source>
        <translation>设置状态…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark recovered</source>
        <translation>标记为已恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick / untick</source>
        <translation>勾选 / 取消勾选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add step…</source>
        <translation>添加步骤…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New message…</source>
        <translation>新建消息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start call-out…</source>
        <translation>启动通知呼叫…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record call:</source>
        <translation>记录呼叫结果：</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{id} · level {level} · {status} — {title}</source>
        <translation>{id} · {level} 级 · {status} — {title}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No incident declared</source>
        <translation>尚未宣布应急事件</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No incident declared. Declare one on the dashboard (Ctrl+D).</source>
        <translation>尚未宣布应急事件。请在总览页宣布 (Ctrl+D)。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Level {level} · {name} — {title} · {status} · first reported {reported}</source>
        <translation>{level} 级 · {name} — {title} · {status} · 首报时间 {reported}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{tree} — started {time}</source>
        <translation>{tree} — {time} 启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No call-out started</source>
        <translation>尚未启动通知呼叫</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{count} entries</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing {shown} of {count} entries</source>
        <translation>显示 {shown} / {count} 条记录</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Correct log entry</source>
        <translation>更正日志记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correction:</source>
        <translation>更正内容(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add correction</source>
        <translation>添加更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry #{number} stays in the log as it was; the correction is a new entry that refers to it.
#{number} ({time}, {by}): {text}</source>
        <translation>第 #{number} 条记录将原样保留；更正作为一条新记录写入日志，并引用原记录。
#{number}（{time}，{by}）：{text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the corrected text.</source>
        <translation>请输入更正后的内容。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>declared</source>
        <translation>宣布事件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>History of {system}</source>
        <translation>{system} 的状态变更记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History of every system</source>
        <translation>所有系统的状态变更记录</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Done {done} of {total}</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Assign step</source>
        <translation>指派步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assign to:</source>
        <translation>指派给(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name the person the step is assigned to.</source>
        <translation>请填写负责该步骤的人员。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reply to message</source>
        <translation>回复消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reply:</source>
        <translation>回复(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record reply</source>
        <translation>记录回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply is empty.</source>
        <translation>回复内容为空。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Start a call-out over a call tree to see whom to call next.</source>
        <translation>按通知树启动通知呼叫后，这里将显示下一位应呼叫的人员。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reached {reached} of {total}</source>
        <translation>已联系 {reached} / {total} 人</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} (alternate for {original})</source>
        <translation>{name}（代替 {original}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call next: {name}   {phones}</source>
        <translation>下一位呼叫：{name}   {phones}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everyone has been reached.</source>
        <translation>所有人均已联系上。</translation>
    </message>
</context>
<context>
    <name>IncidentStatus</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+67"/>
        <source>Open</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="+247"/>
        <source>Reported &amp;by:</source>
        <translation>报告人(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department:</source>
        <translation>科室(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;What:</source>
        <translation>情况(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systems:</source>
        <translation>涉及系统：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>报告方式(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Received at:</source>
        <translation>接报时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Log a report received</source>
        <translation>登记收到的报告信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log report</source>
        <translation>登记报告</translation>
    </message>
</context>
<context>
    <name>IntakeStatus</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+17"/>
        <source>To assess</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident declared</source>
        <translation>已宣布事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attached to incident</source>
        <translation>已归入事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No incident</source>
        <translation>非应急事件</translation>
    </message>
</context>
<context>
    <name>LevelChip</name>
    <message>
        <location filename="../../hisconsole/ui/pages/dashboard.py" line="-394"/>
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
    <name>LevelDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="-124"/>
        <source>New warning &amp;level:</source>
        <translation>新预警级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say why the warning level changes.</source>
        <translation>请说明变更预警级别的原因。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Change warning level</source>
        <translation>变更预警级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{id} — now level {level}</source>
        <translation>{id} — 当前为 {level} 级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change level</source>
        <translation>变更级别</translation>
    </message>
</context>
<context>
    <name>LogKinds</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-38"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report made</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System status</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared</source>
        <translation>宣布事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level changed</source>
        <translation>级别变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>解除事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>关闭事件</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../../hisconsole/ui/models.py" line="+123"/>
        <source>estimate {estimate}</source>
        <extracomment>Role of the whole row as a dict, for views that act on a selected row.</extracomment>
        <translation>预计 {estimate}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To {recipient} by {channel}</source>
        <translation>以{channel}方式报告{recipient}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Level {level}: {title}</source>
        <translation>{level} 级：{title}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Corrects #{number}</source>
        <translation>更正 #{number}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="+226"/>
        <location line="+80"/>
        <source>HIS Console</source>
        <translation>HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="-73"/>
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
        <location line="+142"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incident</source>
        <translation>应急事件(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Declare incident…</source>
        <translation>宣布应急事件(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log a &amp;report received…</source>
        <translation>登记报告信息(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log entry</source>
        <translation>写日志(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;upward report…</source>
        <translation>记录上报(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change warning le&amp;vel…</source>
        <translation>变更预警级别(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notice</source>
        <translation>关闭此提示</translation>
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
    <name>MessageDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="+257"/>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Message:</source>
        <translation>消息内容(&amp;M)：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reply required</source>
        <translation>需要回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New message</source>
        <translation>新建消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record message</source>
        <translation>记录消息</translation>
    </message>
</context>
<context>
    <name>PhoneTypes</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+36"/>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pager</source>
        <translation>寻呼</translation>
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
    <name>Priorities</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-71"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Informational</source>
        <translation>告知</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location line="-53"/>
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
        <location filename="../../hisconsole/ui/runner.py" line="+36"/>
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
    <name>StartCalloutDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="+55"/>
        <source>Call &amp;tree:</source>
        <translation>通知树(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This console holds no call trees. Import the contacts first.</source>
        <translation>本机尚无通知树，请先导入通讯录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Start call-out</source>
        <translation>启动通知呼叫</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hisconsole/ui/app.py" line="+106"/>
        <source>HIS Console cannot start</source>
        <translation>HIS 应急指挥台无法启动</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../hisconsole/ui/banner.py" line="+107"/>
        <source>No active incident — normal operations</source>
        <translation>当前无应急事件 — 系统运行正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level {code}: {text}</source>
        <translation>{code} 级：{text}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(+{count} more open)</source>
        <translation>（另有 {count} 起进行中）</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>SystemStatus</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+25"/>
        <source>Fully functional</source>
        <translation>完全正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially functional</source>
        <translation>部分可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-functional</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>SystemStatusDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="-139"/>
        <source>S&amp;ystem:</source>
        <translation>系统(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comment:</source>
        <translation>说明(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair &amp;estimate:</source>
        <translation>预计修复(&amp;E)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Set system status</source>
        <translation>设置系统状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. back by 04:30</source>
        <translation>例如：04:30 前恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set status</source>
        <translation>设置状态</translation>
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
<context>
    <name>UpwardReportDialog</name>
    <message>
        <location filename="../../hisconsole/ui/dialogs.py" line="-219"/>
        <source>Reported &amp;to:</source>
        <translation>报告对象(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>报告方式(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;At:</source>
        <translation>报告时间(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Summary:</source>
        <translation>内容摘要(&amp;S)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Record upward report</source>
        <translation>记录上报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record report</source>
        <translation>记录上报</translation>
    </message>
</context>
</TS>
