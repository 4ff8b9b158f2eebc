<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddInjectDialog</name>
    <message>
        <location filename="../../hisconsole/ui/drills/dialogs.py" line="+67"/>
        <source>Add inject</source>
        <translation>添加注入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report to assess</source>
        <translation>待研判的报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System status change</source>
        <translation>系统状态变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call-out response</source>
        <translation>呼叫回应</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From (report, message)</source>
        <translation>来自（报告、消息）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System (status)</source>
        <translation>系统（状态）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer (call-out)</source>
        <translation>回应（通知呼叫）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrives after</source>
        <translation>多久后送达</translation>
    </message>
</context>
<context>
    <name>AddStepDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="+662"/>
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
    <name>AddWardDialog</name>
    <message>
        <location filename="../../hisconsole/ui/forms/numbers.py" line="+342"/>
        <source>Ward &amp;code:</source>
        <translation>病区代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in &amp;Chinese:</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in &amp;English:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a ward</source>
        <translation>添加病区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. W3A</source>
        <translation>例如 W3A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save ward</source>
        <translation>保存病区</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <location filename="../../hisconsole/ui/alerts/panel.py" line="+130"/>
        <source>{name} had already acknowledged that alert.</source>
        <translation>{name} 已确认过这条提醒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>That alert has already cleared.</source>
        <translation>这条提醒已自动解除。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>HIS Console alert</source>
        <translation>应急指挥台提醒</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{count} alert(s), {waiting} not yet acknowledged</source>
        <translation>共 {count} 条提醒，{waiting} 条尚未确认</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show all ({count})</source>
        <translation>全部显示（{count}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
</context>
<context>
    <name>AlertRow</name>
    <message>
        <location line="-122"/>
        <source>(seen by {name} at {time})</source>
        <extracomment>Rows shown before &quot;Show all&quot;: the list must not push the page off a 768-pixel screen.</extracomment>
        <translation>（{name} 已于 {time} 确认）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acknowledge</source>
        <translation>确认知悉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge: {alert}</source>
        <translation>确认知悉：{alert}</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../hisconsole/ui/alerts/texts.py" line="+27"/>
        <source>plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact list</source>
        <translation>应急通讯录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call tree</source>
        <translation>呼叫顺序</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{incident}: {report} (level {level}) due at {time}</source>
        <translation>{incident}：{report}（{level} 级）须在 {time} 前上报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{incident}: {report} (level {level}) OVERDUE — was due at {time}</source>
        <translation>{incident}：{report}（{level} 级）已超时 — 应于 {time} 前上报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{incident}: {person} not reached within {wait} min — call the alternate {alternate}</source>
        <translation>{incident}：{wait} 分钟内未联系上 {person} — 请呼叫替补人员 {alternate}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{incident}: call-out {tree}, wave {wave} reached {reached} of the {need} needed within {within} min — the next wave is being called; find more people</source>
        <translation>{incident}：通知呼叫“{tree}”第 {wave} 轮在 {within} 分钟内只联系到 {reached} 人（需 {need} 人），已开始呼叫下一轮；请增派人员</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paper stock low: {form} — {on_hand} sheets on hand, {need} needed for 8 hours</source>
        <translation>纸质表单库存不足：{form} — 现有 {on_hand} 张，8 小时需 {need} 张</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper running out: {form} — {on_hand} sheets left at {per_hour} an hour: out at {time} (in {hours_left} h)</source>
        <translation>纸质表单即将用完：{form} — 剩 {on_hand} 张，每小时用 {per_hour} 张，约 {time} 用完（{hours_left} 小时后）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} sheet(s) {first} … {last} not printed: job {job} on {printer} ({reason}). Reprint them or void them on the Forms page</source>
        <translation>{count} 张表单 {first} … {last} 未打印：{printer} 上的作业 {job}（{reason}）。请在“表单”页重印或作废</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conflict to resolve on the Sync page: {item} ({table}) has {count} values</source>
        <translation>有冲突待在“同步”页处理：{item}（{table}）有 {count} 个不同的值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laptop {device} quarantined: {events} record(s) and {bundles} unread sync bundle(s) held until a commander accepts it</source>
        <translation>笔记本 {device} 已隔离：{events} 条记录和 {bundles} 个未读同步包暂存，待指挥长接受后生效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} record(s) received are kept but not applied: {invalid} not fit to apply, {orphans} naming something not on this laptop (yet) — see the Sync page</source>
        <translation>收到的 {count} 条记录已保存但未应用：{invalid} 条内容不合格，{orphans} 条所指的对象本机尚无——请查看同步页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{incident}: operational period {number} ended at {time} — brief and start the next</source>
        <translation>{incident}：第 {number} 处置阶段已于 {time} 结束 — 请进行阶段简报并开始下一阶段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{incident}: task {task} OVERDUE — was due at {time}: {text} ({owner})</source>
        <translation>{incident}：任务 {task} 已超时 — 应于 {time} 完成：{text}（{owner}）</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="-201"/>
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
        <location filename="../../hisconsole/ui/i18n.py" line="+248"/>
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
        <source>Coming</source>
        <translation>能到场</translation>
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
        <source>Can&apos;t come</source>
        <translation>无法到岗</translation>
    </message>
</context>
<context>
    <name>CallTreeEditor</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/trees.py" line="+386"/>
        <location line="+11"/>
        <source>Choose a person in the list on the right first.</source>
        <translation>请先在右侧名单中选择人员。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a person in the tree and the alternate in the list on the right.</source>
        <translation>请在呼叫顺序中选中一名人员，并在右侧名单中选择其替补人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A person cannot be their own alternate.</source>
        <translation>人员不能作为自己的替补。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Unsaved call tree</source>
        <translation>呼叫顺序未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes to the call tree {code}?</source>
        <translation>放弃对呼叫顺序 {code} 的修改？</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>New call tree: add people from the list on the right, then save.</source>
        <translation>已新建呼叫顺序：请从右侧名单添加人员，然后保存。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved the call tree {name}.</source>
        <translation>呼叫顺序“{name}”已保存。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save the call tree first: the PDF shows the saved tree.</source>
        <translation>请先保存呼叫顺序：PDF 打印的是已保存的版本。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the call tree as PDF</source>
        <translation>将呼叫顺序另存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call &amp;tree:</source>
        <translation>呼叫顺序(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New tree…</source>
        <translation>新建呼叫顺序(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print (PDF)…</source>
        <translation>打印(&amp;P)(PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the call tree</source>
        <translation>呼叫顺序名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wait before the alternate (min):</source>
        <translation>呼叫替补前等待(&amp;W)（分钟）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top level: &amp;need</source>
        <translation>第一批（最上层）需联系(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— (a plain cascade)</source>
        <translation>—（逐级通知）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> reached</source>
        <translation> 人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within </source>
        <translation>限 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> 分钟内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>else the next level is called at once</source>
        <translation>否则立即呼叫下一批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>People of the top level to reach (0: a plain cascade)</source>
        <translation>最上层需联系上的人数（0：逐级通知）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes to reach them</source>
        <translation>联系时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call tree: who calls whom</source>
        <translation>呼叫顺序：由谁通知谁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add as called by selected</source>
        <translation>添加为选中人员的下级(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insert</source>
        <translation>Insert 键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add at top l&amp;evel</source>
        <translation>添加到最上层(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Up</source>
        <translation>Ctrl+↑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Down</source>
        <translation>Ctrl+↓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Indent</source>
        <translation>降一级(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Right</source>
        <translation>Ctrl+→</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outdent</source>
        <translation>升一级(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Left</source>
        <translation>Ctrl+←</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set as a&amp;lternate</source>
        <translation>设为替补(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear alternate</source>
        <translation>清除替补(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Delete 键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the person chosen on the right as someone the selected person calls</source>
        <translation>将右侧选中的人员添加为由选中人员负责通知的下级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the person chosen on the right at the top of the tree</source>
        <translation>将右侧选中的人员添加到呼叫顺序最上层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call this person earlier</source>
        <translation>提前通知此人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call this person later</source>
        <translation>推后通知此人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this person called by the person above</source>
        <translation>改由上一位人员通知此人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this person called one level up</source>
        <translation>将此人上移一级，由上级的上级通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the person chosen on the right the alternate of the selected person</source>
        <translation>将右侧选中的人员设为选中人员的替补</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected person has no alternate</source>
        <translation>取消选中人员的替补</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the selected person out of this tree (the people they call stay)</source>
        <translation>从本呼叫顺序中移除选中人员（其下级人员保留）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>People (double-click or Enter adds to the tree)</source>
        <translation>人员（双击或按回车添加到呼叫顺序）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a person…</source>
        <translation>查找人员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a person to add</source>
        <translation>查找要添加的人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save call tree</source>
        <translation>保存呼叫顺序(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>撤销修改(&amp;V)</translation>
    </message>
</context>
<context>
    <name>CallTreeModel</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/models.py" line="+440"/>
        <source>{key} (not on the contact list)</source>
        <translation>{key}（不在通讯录中）</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternate</source>
        <translation>替补人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternate&apos;s number</source>
        <translation>替补人员电话</translation>
    </message>
</context>
<context>
    <name>Callout</name>
    <message>
        <location filename="../../hisconsole/ui/partials/callout.py" line="+30"/>
        <source>Wave {wave}: reached {reached} of {size}</source>
        <extracomment>Outcome buttons per row (six in one row do not fit a 1366-pixel screen translated).</extracomment>
        <translation>第 {wave} 批：已联系 {reached} / {size} 人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wave {wave}: need {need}, reached {reached}</source>
        <translation>第 {wave} 批：需 {need} 人，已联系 {reached} 人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enough reached</source>
        <translation>人数已够</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too few by {time}: wave {next} called</source>
        <translation>{time} 前人数不足：已呼叫第 {next} 批</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>How did the call to {name} go?</source>
        <extracomment>Whom the buttons record a call to, when there is one fixed person (the dashboard).</extracomment>
        <translation>呼叫 {name} 的结果：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record call:</source>
        <translation>记录呼叫结果：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ETA —</source>
        <translation>预计到达 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETA </source>
        <translation>预计 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> 分钟后到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes until they arrive (with Coming)</source>
        <translation>预计多少分钟后到达（与“能到场”一起记录）</translation>
    </message>
</context>
<context>
    <name>CalloutTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/callout_tab.py" line="+61"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-11"/>
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
        <location line="-11"/>
        <source>Escalates at</source>
        <translation>转替补时间</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Start call-out…</source>
        <translation>启动通知呼叫…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call-out</source>
        <translation>通知呼叫</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{tree} — started {time}</source>
        <translation>{tree} — {time} 启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No call-out started</source>
        <translation>尚未启动通知呼叫</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Start a call-out over a call tree to see whom to call next.</source>
        <translation>按呼叫顺序启动通知呼叫后，这里将显示下一位应呼叫的人员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reached {reached} of {total}</source>
        <translation>已联系 {reached} / {total} 人</translation>
    </message>
    <message>
        <location line="+14"/>
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
    <name>CapMessage</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+31"/>
        <source>CAP Alert</source>
        <translation>CAP 预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAP Update</source>
        <translation>CAP 更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAP Cancel</source>
        <translation>CAP 撤销</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location line="-60"/>
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
    <name>CheckDialog</name>
    <message>
        <location filename="../../hisconsole/ui/check/dialog.py" line="+94"/>
        <source>Check the database</source>
        <extracomment>Problem lines shown at most (a badly damaged log can have a line per event).</extracomment>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the database file</source>
        <translation>正在检查数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking each laptop&apos;s sequence</source>
        <translation>正在核验各笔记本的序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking signatures, rebuilding the projections</source>
        <translation>正在核验签名并重建投影</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing the projections</source>
        <translation>正在比对投影</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The window and the other laptops go on working while the check runs.</source>
        <translation>检查期间，本窗口和其他笔记本照常工作。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Step {step} of {steps}: {stage}</source>
        <translation>第 {step} 步，共 {steps} 步：{stage}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check finished</source>
        <translation>检查完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK: {events} events from {origins} laptop(s), signatures and sequences verified; projections match.</source>
        <translation>正常：来自 {origins} 台笔记本的 {events} 条事件，签名和序号已核验；投影一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems found: {count}</source>
        <translation>发现问题：{count} 项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file is damaged.</source>
        <translation>数据库文件已损坏。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First bad event: laptop {device}, #{seq}, {kind} ({problem})</source>
        <translation>第一条有问题的事件：笔记本 {device}，第 {seq} 条，{kind}（{problem}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>… and {count} more (hisconsole check lists them all)</source>
        <translation>……另有 {count} 项（hisconsole check 会全部列出）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} event(s) written before signing existed could not be verified.</source>
        <translation>{count} 条事件写于启用签名之前，无法核验。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: {note}</source>
        <translation>注：{note}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check could not run</source>
        <translation>检查未能运行</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/checklist_tab.py" line="+61"/>
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
        <location line="+29"/>
        <source>All groups</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+4"/>
        <source>This incident follows no playbook, so it has no checklist steps from the plan.</source>
        <translation>本事件未选处置预案，因此没有来自预案的检查清单步骤。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose playbook…</source>
        <translation>选择处置预案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the steps of group</source>
        <translation>按小组显示步骤</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Done {done} of {total}</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <location line="+33"/>
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
</context>
<context>
    <name>ClockJudgement</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+88"/>
        <source>made on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made {minutes} min late</source>
        <translation>迟报（迟 {minutes} 分钟）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missed</source>
        <translation>漏报</translation>
    </message>
</context>
<context>
    <name>ClockKinds</name>
    <message>
        <location line="-21"/>
        <source>Initial report</source>
        <translation>首报</translation>
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
        <location filename="../../hisconsole/ui/partials/widgets.py" line="+124"/>
        <location line="+30"/>
        <source>Reporting clock</source>
        <translation>报告时限</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>No report is due.</source>
        <translation>当前无待报事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{report} (level {level})</source>
        <translation>{report}（{level} 级）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>OVERDUE — was due at {time}.</source>
        <translation>已超时 — 应于 {time} 前报告。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last: {report} {judgement} ({time})</source>
        <translation>上次：{report}，{judgement}，{time}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Record the report now…</source>
        <translation>立即记录上报…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Due at {time}</source>
        <translation>截止时间 {time}</translation>
    </message>
</context>
<context>
    <name>CloseIncidentDialog</name>
    <message>
        <location filename="../../hisconsole/ui/forms/dialogs.py" line="+35"/>
        <source>Commander&apos;s &amp;reason:</source>
        <translation>指挥长的理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{count} sheet(s) are not yet entered back into the HIS. Only the commander can close the incident anyway, giving the reason.</source>
        <translation>还有 {count} 张表单未补录到 HIS。只有指挥长填写理由后才能强制关闭事件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <location line="+6"/>
        <source>Close incident</source>
        <translation>关闭事件</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Counting the paper sheets of {id} still outstanding…</source>
        <translation>正在统计 {id} 尚未补录的纸质表单…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every paper sheet of {id} is entered back into the HIS or void. Closing ends the incident for good.</source>
        <translation>{id} 的纸质表单已全部补录到 HIS 或作废。关闭后事件即告结束。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} paper sheet(s) of {id} are not yet entered back into the HIS. Closing now needs the commander&apos;s override: give the reason, which is kept in the record.</source>
        <translation>{id} 还有 {count} 张纸质表单未补录到 HIS。现在关闭需要指挥长强制批准：请填写理由，理由将存入记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close anyway</source>
        <translation>强制关闭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>required while sheets are outstanding</source>
        <translation>有未补录的表单时必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not needed</source>
        <translation>无需填写</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../hisconsole/ui/plan/compare_dialog.py" line="+99"/>
        <source>There is no published version to compare yet.</source>
        <translation>尚无已发布的版本可供比较。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose two different versions.</source>
        <translation>请选择两个不同的版本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>v{old} and v{new} are the same.</source>
        <translation>第 {old} 版与第 {new} 版内容相同。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>From v{old} to v{new}: {items} item(s) changed in {sections} section(s).</source>
        <translation>从第 {old} 版到第 {new} 版：{sections} 个章节中有 {items} 项变更。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare plan versions</source>
        <translation>比较预案版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Older version:</source>
        <translation>旧版本(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Newer version:</source>
        <translation>新版本(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <location filename="../../hisconsole/ui/sync/conflicts.py" line="+88"/>
        <source>{what} “{subject}” ({key}): {count} values</source>
        <extracomment>How much of the fields every value shares is shown (the rest is in the tooltip).</extracomment>
        <translation>{what}“{subject}”（{key}）：{count} 个不同的值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From {laptop}, by {author}, {time}</source>
        <translation>来自 {laptop}，{author} 修改，{time}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(the same value)</source>
        <translation>（值相同）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this value</source>
        <translation>保留此值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this value: {source}</source>
        <translation>保留此值：{source}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The same in every value: {fields}</source>
        <translation>各值相同的字段：{fields}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/conflict_dialog.py" line="+128"/>
        <source>Conflict: {name}</source>
        <translation>冲突：{name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two laptops changed this person at the same time, so both versions are kept until you choose. Differences are highlighted. The version you keep replaces both.</source>
        <translation>两台笔记本同时修改了此人的信息，在您作出选择前两个版本都会保留。不同之处已高亮显示。您保留的版本将取代这两个版本。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version {number}</source>
        <translation>版本 {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep version {number}</source>
        <translation>保留版本 {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the chosen version</source>
        <translation>保留所选版本</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/contact_dialog.py" line="+88"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Position:</source>
        <translation>职务(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Group:</source>
        <translation>小组(&amp;G)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Organisation:</source>
        <translation>单位(&amp;O)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Department:</source>
        <translation>科室(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Role in the plan:</source>
        <translation>预案角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No&amp;tes:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>{count} number(s) cannot be saved as typed: see the message under each.</source>
        <translation>有 {count} 个号码无法按所填内容保存：请查看各号码下方的提示。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit: {name}</source>
        <translation>编辑：{name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In order of preference: the first is called first. Ctrl+Up/Down reorders.</source>
        <translation>按优先顺序排列：先拨打第一个号码。按 Ctrl+↑/↓ 调整顺序。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <location filename="../../hisconsole/ui/partials/contact_labels.py" line="+25"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family and given name</source>
        <translation>姓和名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role in the plan</source>
        <translation>预案角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/models.py" line="-374"/>
        <source>Conflict</source>
        <extracomment>The whole entry of a row ({key, data, conflict, rivals}). What a column sorts by (names case-folded, groups in plan order). The contact key of a row or a call-tree node. The alternate&apos;s contact key of a call-tree node.</extracomment>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check number</source>
        <translation>待核对号码</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Two laptops changed this person at the same time. Open them to choose which version to keep.</source>
        <translation>两台笔记本同时修改了此人的信息。请打开并选择要保留的版本。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{number}: imported as written, check it ({reason})</source>
        <translation>{number}：按原样导入，请核对（{reason}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Chinese)</source>
        <translation>中文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>英文姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First choice</source>
        <translation>首选电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other numbers</source>
        <translation>其他电话</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/page.py" line="+112"/>
        <location filename="../../hisconsole/ui/main_window.py" line="+101"/>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} people</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} of {total} people</source>
        <translation>显示 {shown} 人，共 {total} 人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed on two laptops at once: {names}. Open each person marked Conflict to choose which version to keep.</source>
        <translation>两台笔记本同时修改了以下人员：{names}。请逐一打开标记为“冲突”的人员，选择要保留的版本。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;Resolve conflict…</source>
        <translation>解决冲突(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kept the chosen version of {name}.</source>
        <translation>已保留 {name} 的所选版本。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+14"/>
        <source>Remove person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{name} is in the call tree(s) {trees}. Take them out of the call trees first, so that nobody waits for a call that never comes.</source>
        <translation>{name} 在呼叫顺序“{trees}”中。请先将其从呼叫顺序中移除，以免有人一直等待不会到来的电话。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove {person} from the contact list?</source>
        <translation>从通讯录中删除 {person}？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+45"/>
        <source>Import contacts</source>
        <translation>导入通讯录</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Contact files</source>
        <translation>通讯录文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+52"/>
        <source>vCard</source>
        <translation>vCard 文件</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Imported {name}: {adds} added, {changes} changed.</source>
        <translation>已导入 {name}：新增 {adds} 人，更新 {changes} 人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入：未写入任何内容。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export contacts</source>
        <translation>导出通讯录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV for Excel</source>
        <translation>CSV 文件（可用 Excel 打开）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported {count} people to {path}</source>
        <translation>已将 {count} 人导出到 {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+14"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Call trees</source>
        <translation>呼叫顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a person: name, number or position, Chinese or English (Ctrl+F)</source>
        <translation>查找人员：姓名、电话或职务，中英文均可（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a person</source>
        <translation>查找人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All groups</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import CSV / vCard…</source>
        <translation>导入 CSV / vCard(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="+358"/>
        <source>Choose the hospital&apos;s plan file.</source>
        <translation>请选择医院的预案文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the contacts file.</source>
        <translation>请选择通讯录文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the sync bundle.</source>
        <translation>请选择同步包。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The plan file cannot be used:
{problems}</source>
        <translation>无法使用该预案文件：
{problems}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the console starts with</source>
        <translation>初始内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All of it can be imported later as well.</source>
        <translation>这些内容以后也都可以再导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plan: the bundled example plan (edit it later to fit the hospital), or the plan file your IT department prepared. Contacts and a bundle from another console laptop are optional.</source>
        <translation>预案：使用自带的示例预案（以后再按本院情况修改），或使用信息部门准备好的预案文件。通讯录和来自另一台指挥台笔记本的同步包可以不选。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The &amp;bundled example plan</source>
        <translation>自带的示例预案(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our hospital&apos;s &amp;plan file (YAML or JSON):</source>
        <translation>本院的预案文件（YAML 或 JSON）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contacts file (CSV or vCard):</source>
        <translation>通讯录文件（CSV 或 vCard）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync bundle from another console laptop:</source>
        <translation>来自另一台指挥台笔记本的同步包(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;mple contacts and call trees, for practice</source>
        <translation>示例通讯录和呼叫顺序，供练习使用(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hospital&apos;s plan file</source>
        <translation>医院的预案文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan files</source>
        <translation>预案文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan file</source>
        <translation>预案文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The contacts file</source>
        <translation>通讯录文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact files</source>
        <translation>通讯录文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts file</source>
        <translation>通讯录文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A sync bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HIS Console bundles</source>
        <translation>HIS Console 同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync bundle</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the {file}</source>
        <translation>选择{file}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../hisconsole/ui/crash.py" line="+37"/>
        <source>HIS Console: unexpected error</source>
        <translation>HIS 应急指挥台：意外错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HIS Console met an error it did not expect (a bug). What was saved before stays saved; the action that failed may not have been done: check it, and try again. Please give these details to IT support.</source>
        <translation>HIS 应急指挥台遇到了一个意外错误（程序缺陷）。此前已保存的内容仍然保存；出错的操作可能没有完成：请检查后重试，并把以下详细信息交给信息科技术支持组。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The details are also in the log file:
{path}</source>
        <translation>详细信息也已写入日志文件：
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The log file could not be written: copy the details now.</source>
        <translation>无法写入日志文件：请现在复制详细信息。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>Criticality</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-107"/>
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
        <location filename="../../hisconsole/ui/dashboard/page.py" line="+147"/>
        <location filename="../../hisconsole/ui/main_window.py" line="-7"/>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Declare incident (Ctrl+D)</source>
        <translation>启动应急响应 (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declare incident</source>
        <translation>启动应急响应</translation>
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
        <location line="+1"/>
        <source>Print downtime kit (Ctrl+K)</source>
        <translation>打印停机应急包 (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the downtime kit</source>
        <translation>打印停机应急包</translation>
    </message>
    <message>
        <location line="+79"/>
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
        <translation>{id} · 发现时间 {reported} · 启动人 {by}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Call next</source>
        <translation>下一位呼叫</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Systems</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No system recorded yet.</source>
        <translation>尚未记录任何系统。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Command roster</source>
        <translation>指挥岗位</translation>
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
        <location line="+14"/>
        <source>{name} (alternate for {original})</source>
        <translation>{name}（代替 {original}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everyone has been reached.</source>
        <translation>所有人均已联系上。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Call-out</source>
        <translation>通知呼叫</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{time} · {reporter} ({department}) · {channel}</source>
        <translation>{time} · {reporter}（{department}）· {channel}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Declare…</source>
        <translation>启动应急响应…</translation>
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
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="-334"/>
        <source>&amp;Scenario:</source>
        <translation>情景(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
        <source>Reports waiting:</source>
        <translation>待研判的报告信息：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;reported at:</source>
        <translation>发现时间(&amp;R)：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No playbook: the incident will have no checklist steps.</source>
        <translation>未选处置预案：本事件将没有检查清单步骤。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proposed by the plan for the systems ticked.</source>
        <translation>已按预案为勾选的系统推荐。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Declare incident</source>
        <translation>启动应急响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no playbook)</source>
        <translation>（不使用处置预案）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reporter} ({department}), {time}: {what} — attach it</source>
        <translation>{reporter}（{department}），{time}：{what} — 归入本事件</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <location filename="../../hisconsole/ui/sync/page.py" line="+133"/>
        <source>Copied: paste it into a message to IT.</source>
        <translation>已复制：请粘贴到发给信息科的消息中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading…</source>
        <translation>正在读取……</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hub: last synced {time}</source>
        <translation>中心库：上次同步 {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hub: not synced yet</source>
        <translation>中心库：尚未同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last bundle: from {laptop}, {time}</source>
        <translation>上次同步包：来自 {laptop}，{time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No bundle imported yet</source>
        <translation>尚未导入同步包</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quarantine: {count} event(s) and {bundles} unread bundle(s) from {devices} device(s) wait for a commander (Devices tab)</source>
        <translation>隔离：{devices} 台设备的 {count} 条记录和 {bundles} 个未读同步包等待指挥长处理（见“设备”页签）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quarantine: none</source>
        <translation>隔离：无</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conflicts: {count} to settle (Conflicts tab)</source>
        <translation>冲突：{count} 项待处理（见“冲突”页签）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conflicts: none</source>
        <translation>冲突：无</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this laptop · not in IT&apos;s trust list yet: send IT the details below</source>
        <translation>本机 · 尚未列入信息科的信任名单：请把下面的信息发给信息科</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this laptop · in IT&apos;s trust list as “{name}” ({roles})</source>
        <translation>本机 · 已列入信息科信任名单，名称“{name}”（{roles}）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Device ID</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy for IT</source>
        <translation>复制给信息科(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the device id, name, public key and fingerprint IT needs for the trust list</source>
        <translation>复制信息科制作信任名单所需的设备编号、名称、公钥和指纹</translation>
    </message>
</context>
<context>
    <name>Drills</name>
    <message>
        <location filename="../../hisconsole/ui/drills/dialogs.py" line="-58"/>
        <source>arrived at {minutes} min</source>
        <translation>第 {minutes} 分钟送达</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to come</source>
        <translation>待送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for the incident</source>
        <translation>等待启动应急响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for a call-out</source>
        <translation>等待开始通知呼叫</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>met</source>
        <translation>达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly met</source>
        <translation>部分达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not met</source>
        <translation>未达成</translation>
    </message>
</context>
<context>
    <name>DrillsPage</name>
    <message>
        <location filename="../../hisconsole/ui/drills/page.py" line="+157"/>
        <location filename="../../hisconsole/ui/main_window.py" line="+11"/>
        <source>Drills</source>
        <extracomment>How often the controller looks at the clock (ms). The drill&apos;s own clock decides what arrives; this only decides how soon after its time an inject shows.</extracomment>
        <translation>应急演练</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scenario</source>
        <translation>演练脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill calendar entry</source>
        <translation>演练计划条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start drill</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip inject</source>
        <translation>跳过注入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add inject…</source>
        <translation>添加注入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End drill</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score card…</source>
        <translation>评分表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drill min</source>
        <translation>演练分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inject</source>
        <translation>注入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Injects of the drill</source>
        <translation>演练注入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill calendar: planned, run and scored</source>
        <translation>演练计划：计划、已演练及评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export calendar (.ics)…</source>
        <translation>导出演练日历（.ics）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Playbook</source>
        <translation>处置预案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Runs and scores</source>
        <translation>演练记录及评分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drill calendar</source>
        <translation>演练计划</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The nearest for its playbook</source>
        <translation>同一处置预案最近的条目</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Export the drill calendar</source>
        <translation>导出演练日历</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{drill}: {met} met, {partly} partly, {not_met} not met</source>
        <translation>{drill}：达成 {met}，部分达成 {partly}，未达成 {not_met}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{drill}: running</source>
        <translation>{drill}：进行中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not run yet</source>
        <translation>尚未演练</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No drill is running.</source>
        <translation>当前没有进行中的演练。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{mark} {drill}: {name}, ×{speed}, {state}</source>
        <translation>{mark} {drill}：{name}，×{speed}，{state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · incident {incident}</source>
        <translation> · 应急事件 {incident}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · no incident declared yet</source>
        <translation> · 尚未启动应急响应</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drill minute {now} of {total}</source>
        <translation>演练第 {now} 分钟（共 {total} 分钟）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next: {at} min, {text}</source>
        <translation>下一条：第 {at} 分钟，{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing more is scheduled.</source>
        <translation>没有待送达的注入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system status</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call-out response</source>
        <translation>呼叫回应</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="-361"/>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} 是文件，不是文件夹。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This laptop&apos;s user cannot write in {folder}.</source>
        <translation>本机当前用户无法写入 {folder}。</translation>
    </message>
    <message>
        <location line="+573"/>
        <source>{folder} holds a console already. It will be opened as it is, with its own plan, contacts and operator.</source>
        <translation>{folder} 中已有指挥台数据，将按原样打开，沿用其中的预案、通讯录和值班人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan: {file}</source>
        <translation>预案：{file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan: the bundled example plan</source>
        <translation>预案：自带的示例预案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hospital: {zh} / {en}</source>
        <translation>医院：{zh} / {en}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contacts: {file}</source>
        <translation>通讯录：{file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync bundle: {file}</source>
        <translation>同步包：{file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample contacts and call trees, for practice</source>
        <translation>示例通讯录和呼叫顺序，供练习使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On duty: {name} ({role})</source>
        <translation>值班人员：{name}（{role}）</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Set up HIS Console</source>
        <translation>设置 HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use the defaults</source>
        <translation>使用默认设置(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Create the console in the suggested folder with the bundled plan; sign in when the window opens.</source>
        <translation>在建议的文件夹中使用自带预案创建指挥台；窗口打开后再签到。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the defaults</source>
        <translation>使用默认设置</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/form_dialog.py" line="+95"/>
        <source>{field}: enter the text in both Chinese and English.</source>
        <translation>{field}：请同时填写中文和英文。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>FormsBackEntryTab</name>
    <message>
        <location filename="../../hisconsole/ui/forms/backentry.py" line="+152"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Ward / department</source>
        <translation>病区 / 科室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding</source>
        <translation>待补录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest (hours)</source>
        <translation>最久（小时）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issued</source>
        <translation>发放时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age (hours)</source>
        <translation>已发放（小时）</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>pre-printed</source>
        <translation>预印</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every incident</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-printed (no incident)</source>
        <translation>预印（无事件）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{count} sheet(s)</source>
        <translation>共 {count} 张</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>outstanding {count}</source>
        <translation>待补录 {count}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose an incident above to close it.</source>
        <translation>请先在上方选择要关闭的事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolve the incident first (on the Incident page).</source>
        <translation>请先解除事件（在“应急事件”页）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This incident is closed.</source>
        <translation>该事件已关闭。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>not a serial or a range (expected like K7QF-000120 or K7QF-000120..K7QF-000180)</source>
        <translation>不是编号或编号范围（应形如 K7QF-000120 或 K7QF-000120..K7QF-000180）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>type the reason for voiding first</source>
        <translation>请先填写作废原因</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>OK: {status}</source>
        <translation>成功：{status}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OK: {count} {status}, {already} already were</source>
        <translation>成功：{count} 张{status}，另有 {already} 张此前已处理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>already {status}</source>
        <translation>重复：此前{status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown serial: never issued here. Nothing was recorded.</source>
        <translation>未知编号：本机从未发放。未作任何记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{serial} is {status}</source>
        <translation>{serial} {status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot be marked {status}: {why}. Nothing was recorded.</source>
        <translation>不能标记为“{status}”：{why}。未作任何记录。</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+20"/>
        <source>Save back-entry report</source>
        <translation>保存补录报告</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the back-entry report…</source>
        <translation>正在生成补录报告…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back-entry report saved: {path}</source>
        <translation>补录报告已保存：{path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back-entry report was not saved: {reason}</source>
        <translation>补录报告未保存：{reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Record as:</source>
        <translation>记录为：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entered into HIS</source>
        <translation>已录入 HIS(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;turned</source>
        <translation>已收回(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verified</source>
        <translation>已核对(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>V&amp;oid</source>
        <translation>作废(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HIS re&amp;ference (optional):</source>
        <translation>HIS 编号（选填）(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the HIS record number</source>
        <translation>例如 HIS 中的记录号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void rea&amp;son:</source>
        <translation>作废原因(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required to void</source>
        <translation>作废时必填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;rial:</source>
        <translation>编号(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan the barcode, or type a serial or a range A-000120..A-000180, then Enter</source>
        <translation>扫描条码，或输入编号或范围 A-000120..A-000180，然后按回车</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial to record</source>
        <translation>要记录的编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Recent scans</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding &amp;for:</source>
        <translation>查看待补录(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save back-entry report…</source>
        <translation>保存补录报告…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close incident…</source>
        <translation>关闭事件…</translation>
    </message>
</context>
<context>
    <name>FormsNumbersTab</name>
    <message>
        <location filename="../../hisconsole/ui/forms/numbers.py" line="-286"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On sheet</source>
        <translation>所在登记表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued at</source>
        <translation>发放时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Add a ward first: numbers are always issued to a ward.</source>
        <translation>请先添加病区：临时住院号总是发放给某个病区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Issued {count} number(s) to {ward}: {span}</source>
        <translation>已向 {ward} 发放 {count} 个号码：{span}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the label sheet as PDF</source>
        <translation>将标签页保存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved the labels of ward {ward} to {file}</source>
        <translation>病区 {ward} 的标签已保存到 {file}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} number(s) marked {status}.</source>
        <translation>{count} 个号码已标记为{status}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select the numbers patients were given.</source>
        <translation>请选择已分配给患者的号码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select the numbers to void.</source>
        <translation>请选择要作废的号码。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Ward:</source>
        <translation>病区(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add ward…</source>
        <translation>添加病区…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Count:</source>
        <translation>数量(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue numbers</source>
        <translation>发放号码(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;labels…</source>
        <translation>保存标签(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;used</source>
        <translation>标记已使用(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../hisconsole/ui/forms/page.py" line="+57"/>
        <location filename="../../hisconsole/ui/main_window.py" line="-2"/>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Print forms</source>
        <translation>打印表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back-entry</source>
        <translation>补录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper stock</source>
        <translation>表单库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary numbers</source>
        <translation>临时住院号</translation>
    </message>
</context>
<context>
    <name>FormsPrintTab</name>
    <message>
        <location filename="../../hisconsole/ui/forms/print_tab.py" line="+283"/>
        <source>Copies of {title}</source>
        <extracomment>The incident chooser&apos;s entry for sheets printed ahead of any incident. How often (in pages) the worker reports rendering progress.</extracomment>
        <translation>{title}的份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} ({code}), version {version}, from {source}</source>
        <translation>{title}（{code}），第 {version} 版，来自 {source}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} form template file(s) could not be loaded:</source>
        <translation>{count} 个表单模板文件无法加载：</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+394"/>
        <source>Pre-printed (no incident yet)</source>
        <translation>预印（尚无事件）</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>{count} sheet(s) in the pack</source>
        <translation>本批共 {count} 张</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The choice changed. Preview again to see the new pack.</source>
        <translation>选择已更改。请重新预览，查看新的一批表单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+133"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Copies set for {wards} ward(s) for 8 hours, from each form&apos;s rate.</source>
        <translation>已按各表单的用量设置 {wards} 个病区 8 小时所需的份数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the copies of at least one form.</source>
        <translation>请至少为一种表单设置份数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{form} is the hospital&apos;s own PDF form: print it in a pack of its own.</source>
        <translation>{form} 是医院自有的 PDF 表单，请单独打印。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Preparing {count} sheet(s)…</source>
        <translation>正在生成 {count} 张…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelled, nothing was recorded.</source>
        <translation>已取消，未作任何记录。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The pack is ready. Nothing is recorded until it is printed or saved; discarding it records nothing.</source>
        <translation>已生成。打印或保存之后才记录发放；关闭预览不作任何记录。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{pages} page(s), serials {first} … {last} (not yet issued)</source>
        <translation>共 {pages} 页，编号 {first} … {last}（尚未发放）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Issued: {first} … {last}. Printing again makes new serials.</source>
        <translation>已发放：{first} … {last}。再次打印将使用新的编号。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Preview closed, nothing was recorded.</source>
        <translation>预览已关闭，未作任何记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Save print pack as PDF</source>
        <translation>将表单另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving cancelled, nothing was recorded.</source>
        <translation>已取消保存，未作任何记录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{how}: {count} sheet(s), {first} … {last}, recorded as issued.</source>
        <translation>{how}：{count} 张，{first} … {last}，已记录为发放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{reason}
Nothing was recorded as issued.</source>
        <translation>{reason}
未记录任何发放。</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+50"/>
        <source>The pack was not issued</source>
        <translation>表单未发放</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Choose a printer first. Nothing was recorded.</source>
        <translation>请先选择打印机。未作任何记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent to {printer}</source>
        <translation>已发送到 {printer}</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+32"/>
        <source>Add form template</source>
        <translation>添加表单模板</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Form templates (*.yaml *.yml)</source>
        <translation>表单模板 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Added form {title} ({code}) to {folder}.</source>
        <translation>已将表单“{title}”（{code}）添加到 {folder}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template was not added:
{problems}</source>
        <translation>模板未添加：
{problems}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose the forms and copies, then Preview to see the numbered pack here.</source>
        <translation>选择表单和份数后点击“预览”，即可在此查看带编号的表单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The preview needs Qt PDF, which this installation lacks. Save the pack as PDF and open it in a PDF viewer to check and print it.</source>
        <translation>预览需要 Qt PDF 组件，本机的安装中没有。请将表单另存为 PDF，再用 PDF 阅读器查看和打印。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>For &amp;incident:</source>
        <translation>所属事件(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language of the forms:</source>
        <translation>表单语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For &amp;ward / department:</source>
        <translation>病区 / 科室(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Ward 5, Emergency</source>
        <translation>例如：5 病区、急诊科</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per ward / 8 h</source>
        <translation>每病区 8 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forms and copies to print</source>
        <translation>要打印的表单和份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wards:</source>
        <translation>病区数(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill for 8 hours</source>
        <translation>按 8 小时用量填入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the copies of each form for this many wards for 8 hours</source>
        <translation>按此病区数 8 小时的用量设置各表单的份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add template…</source>
        <translation>添加模板…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rint</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the pack on the printer chosen below</source>
        <translation>在下方所选打印机上打印此套表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close preview</source>
        <translation>关闭预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%v of %m sheets</source>
        <translation>%v / %m 张</translation>
    </message>
</context>
<context>
    <name>FormsStockTab</name>
    <message>
        <location filename="../../hisconsole/ui/forms/stock.py" line="+50"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On hand</source>
        <translation>现有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not counted</source>
        <translation>未盘点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Counted at</source>
        <translation>盘点时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Need for 8 hours</source>
        <translation>8 小时需要量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Used per hour</source>
        <translation>每小时用量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs out</source>
        <translation>预计用完</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>count it</source>
        <translation>请盘点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RUNNING OUT</source>
        <translation>即将用完</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LOW</source>
        <translation>不足</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>enough</source>
        <translation>充足</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>in {hours} h, at {time}</source>
        <translation>{hours} 小时后（{time}）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>RUNNING OUT within 2 hours at the current rate: {forms}</source>
        <translation>按当前用量 2 小时内将用完：{forms}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>LOW for {wards} ward(s) for 8 hours: {forms}</source>
        <translation>不够 {wards} 个病区 8 小时使用：{forms}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every counted form covers {wards} ward(s) for 8 hours.</source>
        <translation>已盘点的表单都够 {wards} 个病区 8 小时使用。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>8-hour need for &amp;wards:</source>
        <translation>按病区数计算 8 小时需要量(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a count…</source>
        <translation>记录盘点…</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../hisconsole/ui/handover/dialog.py" line="+98"/>
        <source>The sheet is ready to save (no preview here).</source>
        <translation>交接班记录已可保存（此处无法预览）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No handover yet for this incident.</source>
        <translation>本事件尚无交接班记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sheet {handover} (handed over {time} by {person}) waits for the incoming commander&apos;s acknowledgement.</source>
        <translation>交接班记录 {handover}（{time} 由 {person} 交班）等待接班指挥长确认。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last handover {handover} acknowledged by {person} at {time}.</source>
        <translation>上次交接班 {handover} 已由 {person} 于 {time} 确认。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save the handover sheet</source>
        <translation>保存交接班记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Handed over: sheet {handover} saved to {path}.</source>
        <translation>已交班：交接班记录 {handover} 已保存到 {path}。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Acknowledged by {person}.</source>
        <translation>已由 {person} 确认。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shift handover — {incident}</source>
        <translation>交接班 — {incident}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The handover sheet as it stands now: open alerts and clocks, systems, open tasks and steps, messages awaiting a reply, call-out, paper, forms outstanding and who is on duty. Hand over to record it and save it as PDF; the incoming commander, signed in as commander, acknowledges it.</source>
        <translation>当前的交接班记录：未解除的提醒和上报时限、系统状态、未完成的任务和步骤、待回复消息、通知呼叫、纸质表单、待补录表单及在岗人员。交班即记录并保存为 PDF；接班指挥长签到为指挥长后确认。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Incoming commander:</source>
        <translation>接班指挥长(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand over and save PDF…</source>
        <translation>交班并保存 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge (incoming commander)</source>
        <translation>确认接班（接班指挥长）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../hisconsole/ui/help.py" line="+150"/>
        <location line="+19"/>
        <source>Keyboard shortcuts</source>
        <extracomment>The topics in the order of the window&apos;s pages; &quot;keys&quot; lists the shortcuts.</extracomment>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Every command of the menus, and the keys that reach it from any page. Alt with the underlined letter opens a menu; Tab moves between the fields of a page.</source>
        <translation>菜单中的每条命令，以及在任何页面都能使用的快捷键。按 Alt 加带下划线的字母可打开菜单；按 Tab 键可在页面的各个输入项之间移动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>HIS Console help</source>
        <translation>HIS 应急指挥台帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help topics</source>
        <translation>帮助主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HospitalPage</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="-315"/>
        <source>The hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed on every form, call tree and report.</source>
        <translation>将印在每张表单、呼叫顺序和报告上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hospital&apos;s name as the plan gives it. Change it if it is not yours; a name in one language only is used for both.</source>
        <translation>以下是预案中的医院名称。如果不是本院，请修改；只填一种语言时，两种语言都使用该名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name in &amp;Chinese:</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in &amp;English:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital name in Chinese</source>
        <translation>医院中文名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital name in English</source>
        <translation>医院英文名称</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/import_dialog.py" line="+40"/>
        <source>same key and name</source>
        <translation>编号和姓名相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same mobile number</source>
        <translation>手机号码相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name and organisation</source>
        <translation>姓名和单位相同</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location line="+113"/>
        <source>To add ({count})</source>
        <translation>将新增（{count}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To change ({count})</source>
        <translation>将更新（{count}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{person} [{origin}] — matched by {rule}</source>
        <translation>{person} [{origin}] — 匹配依据：{rule}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Skipped ({count})</source>
        <translation>跳过（{count}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings: numbers kept as written are flagged for review ({count})</source>
        <translation>警告：按原样保留的号码已标记为待核对（{count}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems in the file ({count})</source>
        <translation>文件中的问题（{count}）</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Import contacts: {name}</source>
        <translation>导入通讯录：{name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{adds} to add, {changes} to change, {skips} skipped, {warnings} warning(s)</source>
        <translation>新增 {adds} 人，更新 {changes} 人，跳过 {skips} 人，警告 {warnings} 条</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing has been written yet. Import adds and updates; it never removes.</source>
        <translation>尚未写入任何内容。导入只会新增和更新，不会删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to import: everyone in the file is already on the list.</source>
        <translation>无需导入：文件中的人员都已在通讯录中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also make a call tree of these people, one cascade per</source>
        <translation>同时用这些人员建立呼叫顺序，分组依据：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>department (its head first)</source>
        <translation>科室（负责人在前）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group</source>
        <translation>分组</translation>
    </message>
</context>
<context>
    <name>ImprovementsTable</name>
    <message>
        <location filename="../../hisconsole/ui/incident/review.py" line="+90"/>
        <source>Done</source>
        <extracomment>An improvement item is due this many days after it is written down, unless changed.</extracomment>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Improvement</source>
        <translation>改进事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan section</source>
        <translation>预案条目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{date} — overdue</source>
        <translation>{date} — 已逾期</translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <location filename="../../hisconsole/ui/actions.py" line="+56"/>
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
        <location filename="../../hisconsole/ui/incident/page.py" line="+150"/>
        <location line="+24"/>
        <location filename="../../hisconsole/ui/main_window.py" line="-6"/>
        <source>Incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="-1"/>
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
        <location line="+1"/>
        <source>Close incident…</source>
        <translation>关闭事件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
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
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call-out</source>
        <translation>通知呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roster</source>
        <translation>指挥岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periods</source>
        <translation>处置阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{id} · level {level} · {status} — {title}</source>
        <translation>{id} · {level} 级 · {status} — {title}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No incident declared</source>
        <translation>尚未启动应急响应</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>No incident declared. Declare one on the dashboard (Ctrl+D).</source>
        <translation>尚未启动应急响应。请在总览页启动 (Ctrl+D)。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Level {level} · {name} — {title} · {status} · first reported {reported}</source>
        <translation>{level} 级 · {name} — {title} · {status} · 发现时间 {reported}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{report} {judgement}</source>
        <translation>{report}：{judgement}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{report} OVERDUE since {time}</source>
        <translation>{report}：已超时（应于 {time} 前上报）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{report} due at {time}</source>
        <translation>{report}：须于 {time} 前上报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Upward reports: {reports}</source>
        <translation>上报情况：{reports}</translation>
    </message>
</context>
<context>
    <name>IncidentStatus</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+84"/>
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
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="+109"/>
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
        <location filename="../../hisconsole/ui/i18n.py" line="+35"/>
        <source>To assess</source>
        <translation>待研判</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident declared</source>
        <translation>已启动应急响应</translation>
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
    <name>KitDialog</name>
    <message>
        <location filename="../../hisconsole/ui/kit/dialog.py" line="+278"/>
        <source>Incident {id} · {title} (level {level})</source>
        <translation>应急事件 {id} · {title}（{level} 级）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scenario: {name}</source>
        <translation>情景：{name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each set of forms: {forms}. Every sheet carries its own serial number, to track it until it is entered back into the HIS.</source>
        <translation>每套表单包括：{forms}。每张都有唯一的编号，用于追踪，直到内容补录到 HIS。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Save the downtime kit as PDF</source>
        <translation>将停机应急包另存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saving cancelled, nothing was recorded.</source>
        <translation>已取消保存，未作任何记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Making the kit and saving it…</source>
        <translation>正在生成并保存停机应急包……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a printer first. Nothing was recorded.</source>
        <translation>请先选择打印机。未作任何记录。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sent to {printer}</source>
        <translation>已发送到 {printer}</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>P&amp;rint</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Making the kit…</source>
        <translation>正在生成停机应急包……</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>{code} · {name}: {count} unused number(s)</source>
        <translation>{code} · {name}：未使用的号码 {count} 个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{code} · {name}: no unused numbers (issue some first)</source>
        <translation>{code} · {name}：没有未使用的号码（请先发放）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add the label sheets of these wards&apos; unused temporary patient &amp;numbers:</source>
        <translation>加入以下病区未使用的临时住院号标签(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No wards in the register: add them and issue temporary patient numbers on Forms → Temporary numbers to put their labels in the kit.</source>
        <translation>还没有添加病区：请在“表单 → 临时住院号”中添加病区并发放临时住院号，才能把标签放进应急包。</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Sending the kit to the printer…</source>
        <translation>正在将停机应急包发送到打印机……</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{how}: the downtime kit, with {count} numbered form(s) recorded as issued.</source>
        <translation>{how}：停机应急包，其中 {count} 张带编号的表单已记为发放。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It has no call tree: this console has none yet.</source>
        <translation>其中没有呼叫顺序：本指挥台尚未建立呼叫顺序。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It has no checklists: no playbook steps apply (the cover says why).</source>
        <translation>其中没有检查清单：没有适用的处置预案步骤（原因见封面）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{reason}
Nothing was recorded as issued.</source>
        <translation>{reason}
未记录任何发放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kit was not issued</source>
        <translation>停机应急包未发放</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Downtime kit</source>
        <translation>停机应急包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One print to hand out when the systems go down: the call tree, the checklists, and a starter pack of numbered paper forms for each ward.</source>
        <translation>系统停机时一次打印、直接分发：呼叫顺序、检查清单，以及每个病区一套带编号的起步纸质表单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Checklists of:</source>
        <translation>检查清单来源(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning &amp;level:</source>
        <translation>预警级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level {code}</source>
        <translation>{code} 级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Wards (one set of forms each):</source>
        <translation>病区数（每个病区一套表单）(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print in:</source>
        <translation>打印语言(&amp;P)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Wards whose number labels go in the kit</source>
        <translation>标签放进应急包的病区</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The plan is not read yet, or it has no scenarios.</source>
        <translation>预案尚未读取，或预案中没有情景。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklists of</source>
        <translation>检查清单来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning level</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of wards</source>
        <translation>病区数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the print</source>
        <translation>打印语言</translation>
    </message>
</context>
<context>
    <name>LevelChip</name>
    <message>
        <location filename="../../hisconsole/ui/dashboard/page.py" line="-457"/>
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
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="-124"/>
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
    <name>LevelEditDialog</name>
    <message>
        <location filename="../../hisconsole/ui/plan/level_dialog.py" line="+35"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour &amp;name:</source>
        <translation>颜色名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Colour &amp;code:</source>
        <translation>颜色代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Report within (minutes):</source>
        <translation>上报时限(&amp;R)（分钟）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow-up every (minutes):</source>
        <translation>续报间隔(&amp;F)（分钟）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;riteria:</source>
        <translation>判定标准(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;sponse:</source>
        <translation>响应措施(&amp;S)：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour name</source>
        <translation>颜色名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criteria</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response</source>
        <translation>响应措施</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the colour as # and six hex digits, e.g. #F9A825.</source>
        <translation>请按“#”加六位十六进制数字填写颜色，例如 #F9A825。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit warning level {code}</source>
        <translation>编辑 {code} 级预警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart the reporting clock when the level changes</source>
        <translation>级别变化时重新开始报告计时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The change is a draft until a plan editor publishes a new version of the plan.</source>
        <translation>在预案编辑发布新版本之前，此修改只是草稿。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save change</source>
        <translation>保存修改</translation>
    </message>
</context>
<context>
    <name>LogKinds</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-72"/>
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
        <translation>启动应急响应</translation>
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
    <message>
        <location line="+1"/>
        <source>CAP message</source>
        <translation>CAP 消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by sync</source>
        <translation>同步覆盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playbook chosen</source>
        <translation>选定处置预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command roster</source>
        <translation>指挥岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operational period</source>
        <translation>处置阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../../hisconsole/ui/partials/log_words.py" line="+22"/>
        <source>estimate {estimate}</source>
        <translation>预计 {estimate}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To {recipient} by {channel}</source>
        <translation>以{channel}方式报告{recipient}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Handover {handover} acknowledged by {person}</source>
        <translation>交接班记录 {handover} 已由 {person} 确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handover sheet {handover}: {outgoing} hands over to {incoming}</source>
        <translation>交接班记录 {handover}：{outgoing} 交班给 {incoming}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Period {number} started ({hours} h): {objectives} objective(s); carried over {carried_objectives} objective(s), {carried_tasks} task(s)</source>
        <translation>第 {number} 处置阶段开始（{hours} 小时）：目标 {objectives} 项；转入 {carried_objectives} 项目标、{carried_tasks} 项任务</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>references {identifiers}</source>
        <translation>引用 {identifiers}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Level {level}: {title}</source>
        <translation>{level} 级：{title}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Corrects #{number}</source>
        <translation>更正 #{number}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>level {level}</source>
        <translation>{level} 级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{what} (set by {author} on {laptop} at {time})</source>
        <translation>{what}（{author} 于 {time} 在 {laptop} 设定）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{change} came after {author} resolved the incident on {laptop} at {time}: decided apart on two laptops, the incident stays resolved</source>
        <translation>{change} 发生在 {author} 于 {time} 在 {laptop} 解除本事件之后：两台笔记本分别作出了决定，事件仍为已解除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sync replaced {replaced} with {kept}: decided apart on two laptops, the later one counts</source>
        <translation>同步时 {replaced} 被 {kept} 取代：两台笔记本分别作出了决定，以较晚的为准</translation>
    </message>
    <message>
        <location filename="../../hisconsole/ui/partials/log_model.py" line="+318"/>
        <source>Time</source>
        <extracomment>The roles a log cell answers (a view asks for more: those are answered at once). Blocks asked for and not yet read that are still worth reading: while the user drags the scroll bar, the blocks passed on the way are not read. Blocks of rows held: those shown, and those scrolled past last. The list asked for (None: nothing); ``listing``: the list shown.</extracomment>
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
    <name>LogTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/log_tab.py" line="+116"/>
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
        <source>All groups</source>
        <translation>全部小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the selected log entry</source>
        <translation>更正所选日志记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the entries of group</source>
        <translation>按小组显示日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the entries of system</source>
        <translation>按系统显示日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the entries of kind</source>
        <translation>按类型显示日志</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>{count} entries</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing {shown} of {count} entries</source>
        <translation>显示 {shown} / {count} 条记录</translation>
    </message>
    <message>
        <location line="+39"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="+427"/>
        <location line="+143"/>
        <source>HIS Console</source>
        <extracomment>Set by ``attach``; nothing reads it before (the actions do not exist until then).</extracomment>
        <translation>HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="-136"/>
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
        <location line="+212"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incident</source>
        <translation>应急事件(&amp;I)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Declare incident…</source>
        <translation>启动应急响应(&amp;D)…</translation>
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
        <source>Shift &amp;handover…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wall display (full screen)</source>
        <translation>大屏显示（全屏）(&amp;W)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Pages</source>
        <translation>页面</translation>
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
        <location line="+24"/>
        <source>&amp;Switch operator…</source>
        <translation>切换值班人员(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import bundle…</source>
        <translation>导入同步包(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export bundle…</source>
        <translation>导出同步包(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print downtime &amp;kit…</source>
        <translation>打印停机应急包(&amp;K)…</translation>
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
        <location line="+1"/>
        <source>&amp;Help for this page</source>
        <translation>本页帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Larger text</source>
        <translation>放大字号(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;maller text</source>
        <translation>缩小字号(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal text size</source>
        <translation>恢复默认字号(&amp;N)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>{page} ({shortcut})</source>
        <translation>{page}（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>MeshLabels</name>
    <message>
        <location filename="../../hisconsole/ui/sync/mesh_control.py" line="+35"/>
        <source>connecting…</source>
        <extracomment>ui.ini keys: the switch, the peers given by address, and where to listen.</extracomment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused: not trusted</source>
        <translation>被拒绝：不受信任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent unusable data</source>
        <translation>发来无法使用的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network off</source>
        <translation>局域网未开启</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>added by address</source>
        <translation>按地址添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found on the network</source>
        <translation>局域网内发现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected to this laptop</source>
        <translation>主动连入本笔记本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 laptop connected</source>
        <translation>已连接 1 台笔记本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} laptops connected</source>
        <translation>已连接 {count} 台笔记本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alone since {time}</source>
        <translation>自 {time} 起未连接其他笔记本</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="+257"/>
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
    <name>MessagesTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/messages_tab.py" line="+35"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+27"/>
        <source>New message…</source>
        <translation>新建消息…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply…</source>
        <translation>回复…</translation>
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
</context>
<context>
    <name>NewTreeDialog</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/new_tree_dialog.py" line="+79"/>
        <source>Give the call tree a short code, e.g. lis-down.</source>
        <translation>请为呼叫顺序填写简短代码，例如 lis-down。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a call tree {code}.</source>
        <translation>已存在呼叫顺序 {code}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the call tree a name in Chinese or English.</source>
        <translation>请填写呼叫顺序的中文或英文名称。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New call tree</source>
        <translation>新建呼叫顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wait before calling the alternate (minutes):</source>
        <translation>呼叫替补前等待(&amp;W)（分钟）：</translation>
    </message>
</context>
<context>
    <name>OpenImprovementsDialog</name>
    <message>
        <location filename="../../hisconsole/ui/incident/review.py" line="+85"/>
        <source>No improvement item is open.</source>
        <translation>没有未完成的改进事项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} improvement item(s) open, {overdue} overdue</source>
        <translation>未完成的改进事项 {count} 项，其中已逾期 {overdue} 项</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open improvement items — every incident</source>
        <translation>未完成的改进事项 — 全部应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click an item to show its incident</source>
        <translation>双击一项即可查看它所属的应急事件</translation>
    </message>
</context>
<context>
    <name>OperatorPage</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="+48"/>
        <source>Enter the name of the person on duty.</source>
        <translation>请输入值班人员的姓名。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who is on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything recorded is signed with this name.</source>
        <translation>此后记录的一切都以此姓名署名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person setting up the console signs in first. Whoever takes over later signs in with File → Switch operator.</source>
        <translation>由设置指挥台的人先签到。以后接班的人通过“文件 → 切换值班人员”签到。</translation>
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
    <message>
        <location line="+3"/>
        <source>Operator&apos;s name</source>
        <translation>值班人员姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator&apos;s role</source>
        <translation>值班人员角色</translation>
    </message>
</context>
<context>
    <name>OrgChart</name>
    <message>
        <location filename="../../hisconsole/ui/roster/chart.py" line="+89"/>
        <source>{person} (since {time})</source>
        <translation>{person}（{time} 起）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>vacant</source>
        <translation>空缺</translation>
    </message>
</context>
<context>
    <name>PeriodsTab</name>
    <message>
        <location filename="../../hisconsole/ui/periods/tab.py" line="+44"/>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set in period</source>
        <translation>设定于阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Met at</source>
        <translation>达成时间</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Period</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carried over</source>
        <translation>转入下一阶段</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{met} of {total} met</source>
        <translation>已达成 {met}/{total}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{objectives} objective(s), {tasks} task(s)</source>
        <translation>目标 {objectives} 项，任务 {tasks} 项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start next period…</source>
        <translation>开始下一处置阶段…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periods</source>
        <translation>处置阶段</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No operational period yet. Start one to set its objectives.</source>
        <translation>尚无处置阶段。开始一个阶段并设定其目标。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Period {number}: {start} – {end} ({hours} h)</source>
        <translation>第 {number} 处置阶段：{start} – {end}（{hours} 小时）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ended: brief and start the next period</source>
        <translation>已结束：请进行阶段简报并开始下一阶段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>groups: {groups}</source>
        <translation>小组：{groups}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Briefing: {text}</source>
        <translation>阶段简报：{text}</translation>
    </message>
</context>
<context>
    <name>PhoneRow</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/phones.py" line="+115"/>
        <source>Imported as written, to check: {reason}. Correct it or remove it.</source>
        <translation>按原样导入的号码，有待核对：{reason}。请更正或删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the number, or remove this line.</source>
        <translation>请填写号码，或删除此行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Valid: dialled as {number}</source>
        <translation>有效号码：拨打 {number}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Phone number {number} (in order of preference)</source>
        <translation>第 {number} 个电话号码（按优先顺序）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type of number</source>
        <translation>号码类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefer this number (Ctrl+Up)</source>
        <translation>优先拨打此号码（Ctrl+↑）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the number up</source>
        <translation>上移号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call this number later (Ctrl+Down)</source>
        <translation>推后拨打此号码（Ctrl+↓）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the number down</source>
        <translation>下移号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Remove this number</source>
        <translation>删除此号码</translation>
    </message>
</context>
<context>
    <name>PhoneTypes</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="+64"/>
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
        <source>extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short number</source>
        <translation>集团短号</translation>
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
    <name>PhonesEditor</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/phones.py" line="+76"/>
        <source>Add a number</source>
        <translation>添加号码</translation>
    </message>
</context>
<context>
    <name>PlanDiff</name>
    <message>
        <location filename="../../hisconsole/ui/plan/diff_text.py" line="+180"/>
        <source>Added: {item}</source>
        <translation>新增：{item}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removed: {item}</source>
        <translation>删除：{item}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changed: {item}</source>
        <translation>修改：{item}</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{field} {number}: {old} → {new}</source>
        <translation>{field} {number}：{old} → {new}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{field} {old} moved to {new}: {value}</source>
        <translation>{field} {old} 移至第 {new} 位：{value}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field} {number} added: {value}</source>
        <translation>新增{field} {number}：{value}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{field} {number} removed: {value}</source>
        <translation>删除{field} {number}：{value}</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <location filename="../../hisconsole/ui/plan/view.py" line="+306"/>
        <source>{hospital} · {owner} · version {version} · revised {revised}</source>
        <translation>{hospital} · {owner} · 第 {version} 版 · 修订于 {revised}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+362"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>Scope</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Principles</source>
        <translation>工作原则</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+262"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>Edit warning level {code}</source>
        <translation>编辑 {code} 级预警</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report within</source>
        <translation>上报时限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up every</source>
        <translation>续报间隔</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the clock restarts when the level changes</source>
        <translation>级别变化时重新计时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the clock keeps running when the level changes</source>
        <translation>级别变化时继续计时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Criteria</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response</source>
        <translation>响应措施</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channels</source>
        <translation>报告渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+282"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>A long incident runs in operational periods of {hours} h.</source>
        <translation>长时间事件按每 {hours} 小时一个处置阶段进行。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criticality</source>
        <translation>重要程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum downtime</source>
        <translation>最长允许中断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Downtime procedure</source>
        <translation>停机应急流程</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Likelihood: {rating}</source>
        <translation>可能性：{rating}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Impact: {rating}</source>
        <translation>影响：{rating}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mitigations</source>
        <translation>防范措施</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Showing only the steps for level {level} ({name}).</source>
        <translation>仅显示 {level} 级（{name}）的步骤。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Edit steps…</source>
        <translation>编辑步骤…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the playbook {name}</source>
        <translation>编辑处置预案“{name}”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print playbook…</source>
        <translation>打印处置预案…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the playbook {name}</source>
        <translation>打印处置预案“{name}”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Systems</source>
        <translation>涉及系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{shown} of {total} steps apply at level {level}.</source>
        <translation>共 {total} 个步骤，其中 {shown} 个适用于 {level} 级。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Applies at levels: {levels}</source>
        <translation>适用级别：{levels}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit the resource {name}</source>
        <translation>编辑资源“{name}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept by</source>
        <translation>负责小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exercise</source>
        <translation>演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>参加小组</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run drill…</source>
        <translation>开始演练…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the drill controller for this calendar entry</source>
        <translation>按此演练计划条目打开演练控制台</translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <location filename="../../hisconsole/ui/plan/diff_text.py" line="-265"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revised</source>
        <translation>修订日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Principle</source>
        <translation>原则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>报告渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour code</source>
        <translation>颜色代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour name</source>
        <translation>颜色名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report within (minutes)</source>
        <translation>上报时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up every (minutes)</source>
        <translation>续报间隔（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock restarts on level change</source>
        <translation>级别变化时重新计时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Criteria</source>
        <translation>判定标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response</source>
        <translation>响应措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function</source>
        <translation>功能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Criticality</source>
        <translation>重要程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum downtime (minutes)</source>
        <translation>最长允许中断（分钟）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Downtime procedure</source>
        <translation>停机应急流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitigation</source>
        <translation>防范措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systems</source>
        <translation>涉及系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default level</source>
        <translation>默认级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels</source>
        <translation>适用级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept by</source>
        <translation>负责小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every (days)</source>
        <translation>检查周期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>参加小组</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PlanLabels</name>
    <message>
        <location filename="../../hisconsole/ui/plan/view.py" line="-623"/>
        <source>Low</source>
        <extracomment>How plan content is shown: one language, or both side by side. The sections in reading order (meta is the title block above them).</extracomment>
        <translation>低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tabletop</source>
        <translation>桌面推演</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Functional</source>
        <translation>功能演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-scale</source>
        <translation>全面演练</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="-659"/>
        <location filename="../../hisconsole/ui/plan/page.py" line="+119"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../hisconsole/ui/plan/page.py" line="+197"/>
        <source>Reading the plan…</source>
        <translation>正在读取预案…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This console holds no plan yet. Import one with &apos;hisconsole plan import&apos;.</source>
        <translation>本机尚无预案。请用“hisconsole plan import”命令导入预案。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Steps for every level</source>
        <translation>显示所有级别的步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps for level {code} ({name})</source>
        <translation>仅显示 {code} 级（{name}）的步骤</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{count} matches for “{query}” — Enter or click to go there</source>
        <translation>“{query}”共 {count} 处匹配 — 按回车或单击跳转</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing in the plan matches “{query}”.</source>
        <translation>预案中没有与“{query}”匹配的内容。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Edited since v{version}: the changes are a draft until a version is published.</source>
        <translation>第 {version} 版发布后已有修改：在发布新版本之前，这些修改只是草稿。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Only a plan editor can change the plan. {name} is signed in as {role}: use File → Switch operator to sign in as plan editor.</source>
        <translation>只有预案编辑可以修改预案。{name} 当前的身份是{role}：请通过“文件 → 切换值班人员”以预案编辑身份签到。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Publish the plan as it stands as a new version</source>
        <translation>将当前预案发布为新版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show what changed between two versions</source>
        <translation>显示两个版本之间的变更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is only one version so far: nothing to compare.</source>
        <translation>目前只有一个版本，无可比较。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Saved. Publish a version when the edits are complete.</source>
        <translation>已保存。全部修改完成后请发布新版本。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Published plan version {version}.</source>
        <translation>已发布预案第 {version} 版。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the plan as PDF</source>
        <translation>将预案另存为 PDF</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the playbook as PDF</source>
        <translation>将处置预案另存为 PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search the plan: a step, a system, a word… (Ctrl+F)</source>
        <translation>搜索预案：步骤、系统或任意字词…（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the plan</source>
        <translation>搜索预案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Side by side</source>
        <translation>中英对照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese and English in two columns</source>
        <translation>中文和英文分两栏并排显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playbook steps shown</source>
        <translation>显示的处置步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print plan (PDF)…</source>
        <translation>打印预案(PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents of the plan</source>
        <translation>预案目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan versions</source>
        <translation>预案版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a version to see what it changed</source>
        <translation>双击某个版本可查看其变更内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish version…</source>
        <translation>发布版本…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
</context>
<context>
    <name>PlanRoles</name>
    <message>
        <location filename="../../hisconsole/ui/partials/contact_labels.py" line="-24"/>
        <source>Commander</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deputy commander</source>
        <translation>副指挥长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical support lead</source>
        <translation>技术支持组组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business recovery lead</source>
        <translation>业务恢复组负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
</context>
<context>
    <name>PlanSections</name>
    <message>
        <location filename="../../hisconsole/ui/partials/plan_names.py" line="+11"/>
        <source>Plan details</source>
        <translation>预案信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview and scope</source>
        <translation>总则与适用范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning levels</source>
        <translation>预警级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation and duties</source>
        <translation>组织机构与职责</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporting</source>
        <translation>信息报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systems inventory</source>
        <translation>信息系统清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk register</source>
        <translation>风险清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playbooks</source>
        <translation>处置预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resources</source>
        <translation>应急资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill calendar</source>
        <translation>演练计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review and improvement</source>
        <translation>总结与改进</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Warning level</source>
        <translation>预警级别</translation>
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
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playbook</source>
        <translation>处置预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>PlaybookChoiceDialog</name>
    <message>
        <location filename="../../hisconsole/ui/incident/checklist_tab.py" line="+45"/>
        <source>&amp;Playbook:</source>
        <translation>处置预案(&amp;P)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose playbook</source>
        <translation>选择处置预案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The playbook&apos;s steps for level {level} join the checklist; the plan&apos;s playbook for the incident&apos;s systems is chosen first.</source>
        <translation>处置预案中适用于 {level} 级的步骤将加入检查清单；默认选中预案为本事件所涉系统给出的处置预案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow this playbook</source>
        <translation>按此预案处置</translation>
    </message>
</context>
<context>
    <name>PlaybookDialog</name>
    <message>
        <location filename="../../hisconsole/ui/plan/playbook_dialog.py" line="+60"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Default level:</source>
        <translation>默认级别(&amp;D)：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Group:</source>
        <translation>小组(&amp;G)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Applies at &amp;levels:</source>
        <translation>适用级别(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step &amp;text:</source>
        <translation>步骤内容(&amp;T)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no text yet)</source>
        <translation>（尚未填写内容）</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+88"/>
        <source>Step {number}</source>
        <translation>第 {number} 步</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A playbook needs at least one step.</source>
        <translation>处置预案至少需要一个步骤。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step {number}: tick at least one warning level.</source>
        <translation>第 {number} 步：请至少勾选一个预警级别。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step {number}: enter the text in both Chinese and English.</source>
        <translation>第 {number} 步：请同时填写中文和英文内容。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit playbook: {name}</source>
        <translation>编辑处置预案：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps, in the order they are carried out</source>
        <translation>步骤（按执行顺序）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move step</source>
        <translation>删除步骤(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the step up (Ctrl+Up)</source>
        <translation>上移步骤（Ctrl+↑）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the step down (Ctrl+Down)</source>
        <translation>下移步骤（Ctrl+↓）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save playbook</source>
        <translation>保存处置预案</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/print_flow.py" line="+745"/>
        <source>P&amp;rint</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location line="-481"/>
        <source>The print system cannot be reached; the PDF can still be saved.</source>
        <extracomment>How often a job being followed is asked about, and the printers otherwise (ms). Paper sizes offered when the printer has them (IPP names), and their short names.</extracomment>
        <translation>无法连接打印系统；仍可保存为 PDF。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>out of paper</source>
        <translation>缺纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>Printer&apos;s default</source>
        <translation>打印机默认</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No printer is set up on this laptop. Save the pack as PDF instead.</source>
        <translation>本机未设置打印机。请改为将表单保存为 PDF。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{printer}: {state}, {count} job(s) in its queue</source>
        <translation>{printer}：{state}，队列中 {count} 个作业</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printer {printer} is {state}: {reason}</source>
        <translation>打印机 {printer} {state}：{reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+193"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Sending {count} sheet(s) to {printer}…</source>
        <translation>正在将 {count} 张发送到 {printer}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending {title} to {printer}…</source>
        <translation>正在将 {title} 发送到 {printer}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The job was not sent: {reason}</source>
        <translation>作业未发送：{reason}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot ask the print system about the job: {reason}</source>
        <translation>无法向打印系统查询作业：{reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m page(s)</source>
        <translation>第 %v 页 / 共 %m 页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job {job} on {printer}: {state}</source>
        <translation>{printer} 上的作业 {job}：{state}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Job {job} on {printer}: completed.</source>
        <translation>{printer} 上的作业 {job}：已完成。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Job {job} on {printer}: completed. {count} sheet(s) printed, {first} … {last}.</source>
        <translation>{printer} 上的作业 {job}：已完成。已打印 {count} 张，{first} … {last}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Job {job} on {printer}: {state} ({reason}).</source>
        <translation>{printer} 上的作业 {job}：{state}（{reason}）。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{serial} · {form} · {reason}</source>
        <translation>{serial} · {form} · {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} sheet(s) not printed: their job did not come out. Reprint them (same serials, marked REPRINT: only the reprint is valid) or void them.</source>
        <translation>{count} 张未打印：打印作业未完成。请重印（编号不变，标注“重印 REPRINT”，仅重印件有效）或作废。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reprinting {count} sheet(s) on {printer}…</source>
        <translation>正在 {printer} 上重印 {count} 张…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{count} sheet(s) voided: their serials are never used.</source>
        <translation>已作废 {count} 张：其编号不再使用。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pri&amp;nter:</source>
        <translation>打印机(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the printers and their queues again</source>
        <translation>重新读取打印机及其队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sides:</source>
        <translation>单双面：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One-sided</source>
        <translation>单面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-sided, long edge</source>
        <translation>双面，长边翻页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-sided, short edge</source>
        <translation>双面，短边翻页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tray:</source>
        <translation>纸盒：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel job</source>
        <translation>取消作业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheets not printed</source>
        <translation>未打印的表单</translation>
    </message>
</context>
<context>
    <name>PrintTreeDialog</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/print_tree_dialog.py" line="+61"/>
        <source>Print call tree</source>
        <translation>打印呼叫顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pocket card</source>
        <translation>口袋卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>Priorities</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-108"/>
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
    <name>PublishDialog</name>
    <message>
        <location filename="../../hisconsole/ui/plan/publish_dialog.py" line="+28"/>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say in a few words what changed in this version.</source>
        <translation>请简要说明本版本的变更内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing has changed since the last version: there is nothing to publish.</source>
        <translation>自上一版本以来没有任何修改，无需发布。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Publish plan version</source>
        <translation>发布预案版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish the plan as it stands now as version {version}. It becomes the plan every laptop shows and prints, and reaches the others at the next sync.</source>
        <translation>将当前预案发布为第 {version} 版。发布后，所有笔记本都将显示和打印此版本，其他笔记本在下次同步时获得该版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Publish v{version}</source>
        <translation>发布第 {version} 版</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <location filename="../../hisconsole/ui/readiness/panel.py" line="+158"/>
        <source>Plan and drills</source>
        <translation>预案与演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency resources</source>
        <translation>应急资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper forms</source>
        <translation>纸质表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact list</source>
        <translation>应急通讯录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptops, hub and backup</source>
        <translation>笔记本、中心库与备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improvement items</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In order</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the plan</source>
        <translation>打开预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drill calendar</source>
        <translation>演练计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record check…</source>
        <translation>记录检查…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count stock…</source>
        <translation>盘点库存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify numbers…</source>
        <translation>核对号码…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Sync</source>
        <translation>打开同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Readiness</source>
        <translation>应急准备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print readiness report…</source>
        <translation>打印应急准备报告…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{state}: {overdue} overdue, {due} due, {ok} in order</source>
        <translation>{state}：{overdue} 项逾期，{due} 项待办，{ok} 项正常</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{count} more in order</source>
        <translation>另有 {count} 项正常</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Back up this console</source>
        <translation>备份本机数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console database (*.sqlite3)</source>
        <translation>控制台数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Print readiness report</source>
        <translation>打印应急准备报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReadinessState</name>
    <message>
        <location line="-213"/>
        <source>Readiness report written to {file}</source>
        <extracomment>The change-set areas whose changes can change what is due. Background of the state pill: overdue red, due amber, in order green. A section with more items in order than this shows them as a count. Sections in the order shown, with the item codes each holds.</extracomment>
        <translation>应急准备报告已写入 {file}</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="+22"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish creates the console and opens it.</source>
        <translation>按“完成”即创建并打开指挥台。</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <location filename="../../hisconsole/ui/settings/page.py" line="+39"/>
        <source>Mainland China</source>
        <extracomment>ui.ini mirror of the default region for phone numbers (the services keep the real one).</extracomment>
        <translation>中国大陆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Macao</source>
        <translation>中国澳门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taiwan</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{region} (+{code})</source>
        <translation>{region}（+{code}）</translation>
    </message>
</context>
<context>
    <name>ReplayTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/replay.py" line="+204"/>
        <source>◀ Previous</source>
        <extracomment>Play advances one frame this often (milliseconds).</extracomment>
        <translation>◀ 上一条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry before (Left)</source>
        <translation>上一条记录（左方向键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一条 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The entry after (Right)</source>
        <translation>下一条记录（右方向键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay position</source>
        <translation>回放位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag to any moment; Home and End go to the first and last</source>
        <translation>拖动到任意时刻；Home 键和 End 键跳到第一条和最后一条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Systems</source>
        <translation>系统状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click an entry to go to it</source>
        <translation>单击一条记录即可跳到该处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No system affected yet</source>
        <translation>尚无受影响的系统</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop at this entry</source>
        <translation>停在这一条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go through the entries, one a second</source>
        <translation>逐条播放，每秒一条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an incident above to replay it.</source>
        <translation>请在上方选择要回放的应急事件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident {id} is still open: its log is on the Log tab. Once it is resolved (or for an exercise, at any time) it can be replayed here step by step.</source>
        <translation>应急事件 {id} 仍在处置中，它的记录在“工作日志”标签页。事件解除后（演练则随时）可以在这里逐条回放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident {id} has no log entries to replay.</source>
        <translation>应急事件 {id} 没有可回放的日志记录。</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>{elapsed} since first reported</source>
        <translation>发现后 {elapsed}</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Entry {number} of {count}</source>
        <translation>第 {number} 条，共 {count} 条</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Level {level}</source>
        <translation>{level} 级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Incident: {status}</source>
        <translation>事件状态：{status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upward reports made so far: {count}</source>
        <translation>已上报次数：{count}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{kind} · by {author}</source>
        <translation>{kind} · 记录人 {author}</translation>
    </message>
</context>
<context>
    <name>ReportsBar</name>
    <message>
        <location filename="../../hisconsole/ui/incident/reports.py" line="+99"/>
        <source>Initial report</source>
        <extracomment>The PDF reports, in the order of an incident&apos;s life.</extracomment>
        <translation>首报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report</source>
        <translation>终报</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{report}…</source>
        <translation>{report}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In Chinese and English, one document: save it as PDF, or print it</source>
        <translation>中英文对照，同一份文件：可保存为 PDF，也可直接打印</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{report}: save as PDF</source>
        <translation>{report}：保存为 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>CAP message</source>
        <translation>CAP 消息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reports ({language}):</source>
        <translation>报告（{language}）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save an OASIS CAP 1.2 message (XML) about the incident for other systems</source>
        <translation>将本应急事件保存为 OASIS CAP 1.2 消息（XML），供其他系统使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert (the first message)…</source>
        <translation>预警（首次发布）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update (references the earlier messages)…</source>
        <translation>更新（引用此前发布的消息）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel (all clear, or sent in error)…</source>
        <translation>撤销（已解除，或误发）…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No CAP Alert for this incident went out yet</source>
        <translation>本应急事件尚未发布 CAP 预警</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{message}: save as XML</source>
        <translation>{message}：保存为 XML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CAP messages (XML)</source>
        <translation>CAP 消息（XML）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{message} {identifier} saved: {path}</source>
        <translation>{message} {identifier} 已保存：{path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{report} saved: {path}</source>
        <translation>{report}已保存：{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{report} not saved. {reason}</source>
        <translation>{report}未保存。{reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{report}: print</source>
        <translation>{report}：打印</translation>
    </message>
</context>
<context>
    <name>ResourceCheckDialog</name>
    <message>
        <location filename="../../hisconsole/ui/readiness/dialogs.py" line="+53"/>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say what is wrong, so it can be put right.</source>
        <translation>请写明发现的问题，以便整改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record a resource check</source>
        <translation>记录应急资源检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} — {location}, check every {days} days</source>
        <translation>{name} — {location}，每 {days} 天检查一次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;In order</source>
        <translation>完好(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fault found</source>
        <translation>发现故障(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record check</source>
        <translation>记录检查</translation>
    </message>
</context>
<context>
    <name>ResourceEditDialog</name>
    <message>
        <location filename="../../hisconsole/ui/plan/resource_dialog.py" line="+33"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Location:</source>
        <translation>存放地点(&amp;L)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Kept by:</source>
        <translation>负责小组(&amp;K)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check &amp;every (days):</source>
        <translation>检查周期(&amp;E)（天）：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>存放地点</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit resource: {name}</source>
        <translation>编辑资源：{name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save change</source>
        <translation>保存修改</translation>
    </message>
</context>
<context>
    <name>RestoredStrip</name>
    <message>
        <location filename="../../hisconsole/ui/restored/strip.py" line="+88"/>
        <source>Record alone?</source>
        <translation>单机记录？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if no other laptop and no hub has any entry this laptop wrote after the backup {backup}.

Should one of them still hold such entries, they will never come back here: new entries on this laptop take their numbers, and each side keeps its own entry under the same number.

Yes: record alone from now on. No: take in the other laptops&apos; entries first (Sync page).</source>
        <translation>仅当没有任何其他笔记本或中心库保存有本机在备份 {backup} 之后写入的记录时才可这样做。

如果其中某处仍保存有这样的记录，这些记录将再也回不到本机：本机的新记录会占用它们的序号，双方在同一序号下各存一条不同的记录。

是：从现在起单机记录。否：先取回其他笔记本的记录（同步页）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Record alone</source>
        <translation>单机记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This laptop was restored from the backup {backup}. It records nothing until it has taken in the other laptops&apos; entries (its own since the backup may be among them): import a bundle from each of them, sync with the hub, or join them on the command-centre network.</source>
        <translation>本机已从备份 {backup} 恢复。在取回其他笔记本的记录之前不记录任何内容（本机在该备份之后的记录可能在其中）：请从每台其他笔记本导入同步包、与中心库同步，或与它们连入指挥中心局域网。</translation>
    </message>
    <message>
        <location filename="../../hisconsole/ui/restored/words.py" line="+16"/>
        <source>Open the Sync page</source>
        <translation>打开同步页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No other laptop has our entries: record alone…</source>
        <translation>其他笔记本都没有本机的记录：单机记录…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This laptop was restored from the backup {backup} and records nothing until it has taken in the other laptops&apos; entries: its own since that backup may be among them, and a new entry now would be numbered like one of them. On the red line at the top: “{sync}” to import a bundle from each of the other laptops, sync with the hub or join them on the command-centre network; if no other laptop or hub has any of this laptop&apos;s entries: “{alone}”. Nothing was changed.</source>
        <translation>本机已从备份 {backup} 恢复，在取回其他笔记本的记录之前不记录任何内容：本机在该备份之后写入的记录可能在其中，现在写入的新记录会与其中某条序号相同。请使用窗口顶部的红色提示条：“{sync}”，从每台其他笔记本导入同步包、与中心库同步，或与它们连入指挥中心局域网；如没有任何其他笔记本或中心库保存有本机的记录：“{alone}”。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/review.py" line="+39"/>
        <source>Milestone</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>not yet</source>
        <translation>尚未发生</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Since detection</source>
        <translation>距发现</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Against the plan</source>
        <translation>是否按时</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>not made</source>
        <translation>未报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Detected (first reported)</source>
        <translation>发现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared</source>
        <translation>启动应急响应</translation>
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
    <message>
        <location line="+9"/>
        <source>{system} restored</source>
        <translation>{system} 恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timings</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went &amp;well</source>
        <translation>做得好的方面(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went &amp;badly</source>
        <translation>做得不好的方面(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went well</source>
        <translation>做得好的方面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went badly</source>
        <translation>做得不好的方面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save what went well and what went badly</source>
        <translation>保存做得好和做得不好的方面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review as PDF…</source>
        <translation>总结评估报告 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review as a document: timings, what went well and badly, improvements</source>
        <translation>总结评估报告：时间节点、做得好的方面和存在的问题、整改项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Improvement items</source>
        <translation>改进事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open improvements…</source>
        <translation>未完成的改进事项…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every improvement item not yet done, from every incident</source>
        <translation>全部应急事件中尚未完成的改进事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What should change</source>
        <translation>需要改进什么</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improvement</source>
        <translation>改进事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ue:</source>
        <translation>期限(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan section</source>
        <translation>预案条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan item this improvement changes (optional)</source>
        <translation>这项改进涉及的预案条目（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save after-action review</source>
        <translation>保存总结评估报告</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(no plan section)</source>
        <translation>（不涉及预案条目）</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Review notes saved at {time}.</source>
        <translation>复盘记录已于 {time} 保存。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Say what should change.</source>
        <translation>请写明需要改进什么。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name the owner of the improvement item.</source>
        <translation>请填写改进事项的负责人。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Added: {item}</source>
        <translation>已添加：{item}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../hisconsole/ui/i18n.py" line="-53"/>
        <source>Commander</source>
        <extracomment>The languages a printout can be in (a choice beside the interface&apos;s own), named alike.</extracomment>
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
    <name>RosterLog</name>
    <message>
        <location filename="../../hisconsole/ui/roster/labels.py" line="+29"/>
        <source>{person} signed out as {post}</source>
        <translation>{person} 签退{post}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{person} signed in as {post}, relieving {relieved}</source>
        <translation>{person} 签到任{post}，接替 {relieved}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{person} signed in as {post}</source>
        <translation>{person} 签到任{post}</translation>
    </message>
</context>
<context>
    <name>RosterRoles</name>
    <message>
        <location line="-22"/>
        <source>Commander</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deputy commander</source>
        <translation>副指挥长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical support lead</source>
        <translation>技术支持组组长</translation>
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
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
</context>
<context>
    <name>RosterSignInDialog</name>
    <message>
        <location filename="../../hisconsole/ui/roster/dialogs.py" line="+52"/>
        <source>&amp;Post:</source>
        <translation>岗位(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;erson:</source>
        <translation>人员(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note (handover):</source>
        <translation>交接说明(&amp;N)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P&amp;IN (commander):</source>
        <translation>PIN 码（指挥长）(&amp;I)：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{person} holds this post since {time}. Signing in relieves them: the log records the handover.</source>
        <translation>{person} 自 {time} 起在此岗位。签到即接替其岗位，交接将记入工作日志。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign in to the command roster</source>
        <translation>指挥岗位签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
</context>
<context>
    <name>RosterSignOutDialog</name>
    <message>
        <location line="+28"/>
        <source>&amp;Post:</source>
        <translation>岗位(&amp;P)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody is signed in.</source>
        <translation>目前无人在岗。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{post}: {person}</source>
        <translation>{post}：{person}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out of the command roster</source>
        <translation>指挥岗位签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../hisconsole/ui/roster/tab.py" line="+47"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in</source>
        <translation>签到时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{time}, relieved by {person}</source>
        <translation>{time}，由 {person} 接替</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{time}, signed out</source>
        <translation>{time}，已签退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in…</source>
        <translation>签到…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out…</source>
        <translation>签退…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shifts</source>
        <translation>在岗记录</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../hisconsole/ui/runner.py" line="+56"/>
        <source>Something went wrong that HIS Console did not expect: {error}</source>
        <extracomment>How long a thread holding the interpreter lock keeps it once another asks (seconds). Refusals the window words itself (by code, from the error&apos;s facts): the service&apos;s words name the command line&apos;s ways out where the window has its own.</extracomment>
        <translation>HIS 应急指挥台遇到了意外错误：{error}</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>HIS Console</source>
        <translation>HIS 应急指挥台</translation>
    </message>
</context>
<context>
    <name>ScoreCardDialog</name>
    <message>
        <location filename="../../hisconsole/ui/drills/dialogs.py" line="+83"/>
        <source>Score card</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working out the score card…</source>
        <translation>正在计算评分…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Objective</source>
        <translation>考核目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objectives</source>
        <translation>考核目标</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save PDF (中文)…</source>
        <translation>保存 PDF（中文）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save PDF (English)…</source>
        <translation>保存 PDF（英文）…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{met} met · {partly} partly met · {not_met} not met</source>
        <translation>达成 {met} · 部分达成 {partly} · 未达成 {not_met}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>漏报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not owed</source>
        <translation>无需报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial report</source>
        <translation>首报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up report</source>
        <translation>续报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level-change report</source>
        <translation>级别变更报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{report}, level {level}: {state}</source>
        <translation>{report}，{level}级：{state}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save score card</source>
        <translation>保存评分表</translation>
    </message>
</context>
<context>
    <name>ScrollingPage</name>
    <message>
        <location filename="../../hisconsole/ui/partials/page.py" line="+104"/>
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
    <name>SearchResults</name>
    <message>
        <location filename="../../hisconsole/ui/plan/search.py" line="+129"/>
        <source>step {number}</source>
        <extracomment>Characters of context kept before the first match of a long text.</extracomment>
        <translation>第 {number} 步</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>systems affected</source>
        <translation>涉及系统</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../hisconsole/ui/runner.py" line="-184"/>
        <source>Enter the operator&apos;s name.</source>
        <translation>请输入值班人员的姓名。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="+8"/>
        <location filename="../../hisconsole/ui/settings/page.py" line="+156"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../hisconsole/ui/settings/page.py" line="+6"/>
        <source>version {version}</source>
        <translation>第 {version} 版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt version</source>
        <translation>Qt 版本</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+77"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>No file manager could be opened. The data folder is:
{folder}</source>
        <translation>无法打开文件管理器。数据文件夹位于：
{folder}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Reading the screen</source>
        <translation>显示与阅读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;High contrast:</source>
        <translation>高对比度(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Black on white, yellow where the focus is (Ctrl+Shift+H)</source>
        <translation>白底黑字，焦点处显示黄色 (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text size:</source>
        <translation>字号(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+= larger, Ctrl+- smaller, Ctrl+0 normal</source>
        <translation>Ctrl+= 放大，Ctrl+- 缩小，Ctrl+0 恢复默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;region:</source>
        <translation>默认地区(&amp;R)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For numbers typed or imported without a country code: the contact checks read them as numbers of this region, on this laptop.</source>
        <translation>用于录入或导入时不带国家代码的号码：本机的通讯录校验按此地区解读这类号码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open data folder</source>
        <translation>打开数据文件夹(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text size in per cent</source>
        <translation>字号百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default region for phone numbers</source>
        <translation>电话号码的默认地区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check the database…</source>
        <translation>检查数据库(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signatures, sequences and every table against a rebuild from the log; the window goes on working meanwhile</source>
        <translation>核验签名、序号，并将每张表与按日志重建的结果比对；检查期间窗口照常工作</translation>
    </message>
</context>
<context>
    <name>SetupProgress</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="-427"/>
        <source>Setting up the console…</source>
        <translation>正在设置指挥台……</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the plan…</source>
        <translation>正在检查预案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating the database…</source>
        <translation>正在创建数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the plan…</source>
        <translation>正在载入预案…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adding the sample contacts…</source>
        <translation>正在添加示例联系人…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing the contacts…</source>
        <translation>正在导入通讯录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing the sync bundle…</source>
        <translation>正在导入同步包…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step {number} of {total}: {step}</source>
        <translation>第 {number} 步，共 {total} 步：{step}</translation>
    </message>
</context>
<context>
    <name>SheetStatus</name>
    <message>
        <location filename="../../hisconsole/ui/forms/backentry.py" line="-493"/>
        <source>issued</source>
        <extracomment>The outstanding filter&apos;s entries for every sheet and for pre-printed ones. What a back-entry scan can record, in the order offered. Feedback colours of a scan: (background, text). Where a recent scan keeps what happened (its moment, mark, serial and a wording).</extracomment>
        <translation>已发放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已收回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entered into HIS</source>
        <translation>已录入 HIS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>void</source>
        <translation>已作废</translation>
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
    <name>SourcePanel</name>
    <message>
        <location filename="../../hisconsole/ui/contacts/import_source.py" line="+32"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>employee number</source>
        <translation>工号/账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date joined</source>
        <translation>入职时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title (Mr, Dr…)</source>
        <translation>称谓（先生、博士等）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>category that is no group</source>
        <translation>不对应分组的类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>middle name, prefix, suffix</source>
        <translation>中间名、称谓前缀、后缀</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>messenger</source>
        <translation>即时通讯账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>related person</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This file cannot be read without garbling it:
{message}</source>
        <translation>无法不出现乱码地读取此文件：
{message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read it as:</source>
        <translation>按以下编码读取：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the encoding</source>
        <translation>选择文件编码</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Known from the byte-order mark.</source>
        <translation>由文件开头的字节顺序标记确定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read as UTF-8 without a single error.</source>
        <translation>按 UTF-8 读取，无任何错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detected, not certain: if names look wrong below, choose another encoding.</source>
        <translation>自动识别，并不确定：如下方姓名显示不对，请选择其他编码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen by you.</source>
        <translation>由您选择。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Where {column} goes</source>
        <translation>“{column}”导入到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported until you say where they go: {columns}</source>
        <translation>以下列在您指定导入位置之前不会导入：{columns}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not kept (the console has no place for it): {items}</source>
        <translation>不保留（本系统没有对应字段）：{items}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Encoding:</source>
        <translation>文件编码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout:</source>
        <translation>文件格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns and where they go</source>
        <translation>各列及其导入位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goes to</source>
        <translation>导入到</translation>
    </message>
</context>
<context>
    <name>StartCalloutDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="+55"/>
        <source>Call &amp;tree:</source>
        <translation>呼叫顺序(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This console holds no call trees. Import the contacts first.</source>
        <translation>本机尚无呼叫顺序，请先导入通讯录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Start call-out</source>
        <translation>启动通知呼叫</translation>
    </message>
</context>
<context>
    <name>StartPeriodDialog</name>
    <message>
        <location filename="../../hisconsole/ui/periods/dialog.py" line="+59"/>
        <source>&amp;Objectives (one a line):</source>
        <translation>目标（每行一项）(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length (hours):</source>
        <translation>时长（小时）(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups assigned:</source>
        <translation>分派小组：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Briefing:</source>
        <translation>阶段简报(&amp;B)：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Still open from before, carried over: {objectives} objective(s) not met, {tasks} task(s) not done.</source>
        <translation>上一阶段未完成的将转入：未达成目标 {objectives} 项，未完成任务 {tasks} 项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start the next operational period</source>
        <translation>开始下一处置阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start period</source>
        <translation>开始阶段</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../hisconsole/ui/app.py" line="+217"/>
        <source>Not imported: {problem}</source>
        <translation>未导入：{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The console works; import the rest from the Contacts or Sync page.</source>
        <translation>指挥台可以正常使用；其余内容请在“通讯录”或“同步”页面导入。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>HIS Console is set up</source>
        <translation>HIS 应急指挥台已设置完成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HIS Console cannot start</source>
        <translation>HIS 应急指挥台无法启动</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../hisconsole/ui/banner.py" line="+124"/>
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
        <location line="+8"/>
        <source>On duty: {name} ({role})</source>
        <translation>值班：{name}（{role}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On duty: {name} ({role}, unverified)</source>
        <translation>值班人员：{name}（{role}，未核验）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan v{version}</source>
        <translation>预案第 {version} 版</translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message>
        <location filename="../../hisconsole/ui/forms/dialogs.py" line="+35"/>
        <source>&amp;Form:</source>
        <translation>表单(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheets on &amp;hand:</source>
        <translation>现有张数(&amp;H)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no form template to count.</source>
        <translation>没有可盘点的表单模板。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record a stock count</source>
        <translation>记录库存盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record count</source>
        <translation>记录盘点</translation>
    </message>
</context>
<context>
    <name>SyncConflictsTab</name>
    <message>
        <location filename="../../hisconsole/ui/sync/conflicts.py" line="+70"/>
        <source>No conflicts: no value was edited on two laptops at once, or every such edit has been settled.</source>
        <translation>没有冲突：没有在两台笔记本上同时修改过的值，或所有此类修改都已处理。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tidy identical values ({count})</source>
        <translation>整理相同的值（{count}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values held twice with the same content, e.g. the plan loaded on two laptops at set-up: not a conflict, but tidying keeps one of each</source>
        <translation>内容相同却保存了两份的值（例如两台笔记本在初始设置时都载入了预案）：这不是冲突，整理后每项只保留一份</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Keep this value</source>
        <translation>保留此值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this value of {what} “{subject}”?

{fields}

The other values are replaced on this laptop and on every laptop this decision reaches.</source>
        <translation>保留{what}“{subject}”的这个值吗？

{fields}

其他值将在本机以及此决定所同步到的每台笔记本上被替换。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Kept the chosen value of {what} “{subject}”.</source>
        <translation>已保留{what}“{subject}”的所选值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tidied {count} value(s) held twice with the same content.</source>
        <translation>已整理 {count} 个内容相同的重复值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phone numbers, roles and plan text edited on two laptops before they synced keep both values until someone decides. Check with the people concerned, then keep the right value: the decision travels to every laptop.</source>
        <translation>在同步之前于两台笔记本上分别修改过的电话号码、职责和预案文本会同时保留两个值，直到有人作出决定。请与相关人员核实后保留正确的值：该决定会同步到每台笔记本。</translation>
    </message>
</context>
<context>
    <name>SyncDevicesTab</name>
    <message>
        <location filename="../../hisconsole/ui/sync/devices.py" line="+70"/>
        <source>Name</source>
        <extracomment>Device states whose events wait in quarantine for a commander (or a newer trust list).</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device ID</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Roles</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Events here</source>
        <translation>本机记录数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In quarantine</source>
        <translation>隔离中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last seen</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{state} (by {name})</source>
        <translation>{state}（{name}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>{state} ({date})</source>
        <translation>{state}（{date}）</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No hospital IT key is pinned on this laptop yet, so events from other laptops are held in quarantine. Pin the IT key file from IT, or import a trust list (or a bundle that carries one) and confirm its fingerprint.</source>
        <translation>本机尚未固定医院信息科密钥，因此来自其他笔记本的记录都被隔离。请固定信息科提供的密钥文件，或导入信任名单（或带有信任名单的同步包）并核对其指纹。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>IT key {fingerprint} pinned; no trust list yet.</source>
        <translation>已固定信息科密钥 {fingerprint}；尚无信任名单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>IT key {fingerprint} pinned. Trust list serial {serial} ({hospital}), issued {issued}, lists {count} device(s).</source>
        <translation>已固定信息科密钥 {fingerprint}。信任名单第 {serial} 版（{hospital}），签发于 {issued}，列有 {count} 台设备。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a device held in quarantine to accept it.</source>
        <translation>请选择一台被隔离的设备后再接受。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the {commander} can accept a device; {name} is signed in as {role}. Switch operator (File menu) to accept it.</source>
        <translation>只有{commander}才能接受设备；{name} 当前以“{role}”身份登录。请切换操作人员（“文件”菜单）后再接受。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Accept device</source>
        <translation>接受设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept {name} ({id}) on this laptop?

Its {count} event(s) held in quarantine are applied now, as from an operator laptop: incident work is applied; plan, contact and call-tree changes still need the IT trust list. Your name is recorded with the acceptance.</source>
        <translation>在本机接受 {name}（{id}）吗？

它被隔离的 {count} 条记录将按“操作员”设备立即生效：事件处置记录会生效；预案、通讯录和呼叫树的修改仍需信息科的信任名单授权。接受操作会记录您的姓名。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN of {name} (commander):</source>
        <translation>{name}（指挥长）的 PIN：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Device {id} accepted.</source>
        <translation>已接受设备 {id}。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pin the hospital IT key</source>
        <translation>固定医院信息科密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IT public key (*.pub);;All files (*)</source>
        <translation>信息科公钥 (*.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>IT key {fingerprint} pinned. Compare this fingerprint with the IT department&apos;s.</source>
        <translation>已固定信息科密钥 {fingerprint}。请与信息科核对此指纹。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import trust list</source>
        <translation>导入信任名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed trust lists (*.signed);;All files (*)</source>
        <translation>已签名的信任名单 (*.signed);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pin the hospital IT key?</source>
        <translation>固定医院信息科密钥？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This trust list is signed by the hospital IT key

{fingerprint}

No IT key is pinned on this laptop yet. Phone the IT department and compare this fingerprint with theirs, character by character. Pin it and use the list?</source>
        <translation>此信任名单由以下医院信息科密钥签名

{fingerprint}

本机尚未固定信息科密钥。请致电信息科，逐个字符核对此指纹。确认固定此密钥并使用该名单吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This laptop already uses trust list serial {serial}.</source>
        <translation>本机已在使用第 {serial} 版信任名单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trust list serial {serial} in use ({count} device(s)); {applied} held event(s) applied.</source>
        <translation>已启用第 {serial} 版信任名单（{count} 台设备）；{applied} 条暂存记录已生效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pin IT key…</source>
        <translation>固定信息科密钥…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import trust list…</source>
        <translation>导入信任名单…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept device…</source>
        <translation>接受设备(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events received but not applied here (kept, with the reason)</source>
        <translation>已收到但未在本机应用的记录（已保存，附原因）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Devices known to this laptop</source>
        <translation>本机已知的设备</translation>
    </message>
</context>
<context>
    <name>SyncExchangeTab</name>
    <message>
        <location filename="../../hisconsole/ui/sync/exchange.py" line="+217"/>
        <source>Not synced with a hub yet.</source>
        <extracomment>Result panel colours by kind: (border, text).</extracomment>
        <translation>尚未与中心库同步。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last complete sync: {time} with {hub}.</source>
        <translation>上次完整同步：{time}，中心库 {hub}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last attempt {time}: {sent} sent, {applied} came in.</source>
        <translation>最近一次 {time}：发出 {sent} 条，收到 {applied} 条。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The other laptop&apos;s vector file</source>
        <translation>另一台笔记本的版本向量文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vector files or bundles (*.vector *.bundle);;All files (*)</source>
        <translation>版本向量文件或同步包 (*.vector *.bundle);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+12"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+10"/>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+67"/>
        <source>HIS Console bundles (*.bundle);;All files (*)</source>
        <translation>HIS Console 同步包 (*.bundle);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Writing the bundle…</source>
        <translation>正在写入同步包……</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote {count} event(s) to {path} ({size} KB).</source>
        <translation>已将 {count} 条记录写入 {path}（{size} KB）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only what the other laptop lacked, going by its vector file.</source>
        <translation>根据对方的版本向量文件，只包含对方缺少的记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carry the file to the other laptop and import it there.</source>
        <translation>请把此文件带到另一台笔记本上导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle written</source>
        <translation>同步包已写入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save this laptop&apos;s vector</source>
        <translation>保存本机的版本向量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vector files (*.vector);;All files (*)</source>
        <translation>版本向量文件 (*.vector);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Vector saved</source>
        <translation>版本向量已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved what this laptop holds to {path}. On the other laptop, tick “only what the other laptop lacks” and choose this file when exporting: the bundle then holds only what this laptop lacks.</source>
        <translation>已将本机所持记录的概况保存到 {path}。在另一台笔记本上导出时勾选“只导出对方缺少的记录”并选择此文件：同步包将只包含本机缺少的记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vector</source>
        <translation>版本向量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import bundle</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}……</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pin the hospital IT key?</source>
        <translation>固定医院信息科密钥？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This bundle carries a trust list signed by the hospital IT key

{fingerprint}

No IT key is pinned on this laptop yet. Phone the IT department and compare this fingerprint with theirs, character by character.

Yes: it matches; pin the key and take in what the trust list allows.
No: import without pinning; events are held in quarantine.</source>
        <translation>此同步包带有由以下医院信息科密钥签名的信任名单

{fingerprint}

本机尚未固定信息科密钥。请致电信息科，逐个字符核对此指纹。

是：指纹一致，固定该密钥，并接收信任名单允许的记录。
否：不固定密钥直接导入，记录将被隔离。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}……</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From {laptop}, file {name}.</source>
        <translation>来自 {laptop}，文件 {name}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IT key {fingerprint} pinned, as confirmed.</source>
        <translation>已按确认固定信息科密钥 {fingerprint}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+112"/>
        <source>The trust list was updated to serial {serial}.</source>
        <translation>信任名单已更新到第 {serial} 版。</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>It comes from a laptop that is neither in the trust list nor accepted here: it was not read, and is kept unread in quarantine. A commander can accept that laptop on the Devices tab; the bundle is read then.</source>
        <translation>它来自既不在信任名单中、也未在本机接受的笔记本：未被读取，已原样隔离保存。指挥长可在“设备”页签接受该笔记本，届时再读取该同步包。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing new: this laptop already had everything in it.</source>
        <translation>没有新内容：本机已有其中的全部记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bundle imported: {count} event(s) came in</source>
        <translation>同步包已导入：收到 {count} 条记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} was refused as a whole: nothing on this laptop was changed.

{reason}</source>
        <translation>{name} 被整体拒绝：本机未做任何更改。

{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Bundle refused</source>
        <translation>同步包被拒绝</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+184"/>
        <source>Hub address</source>
        <translation>中心库地址</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Hub address saved</source>
        <translation>中心库地址已保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept in {file}, which only this computer account can read; never in the records that travel to other laptops.</source>
        <translation>保存在 {file} 中，只有本计算机账户可以读取；不会写入同步到其他笔记本的记录。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+15"/>
        <source>Hub sync</source>
        <translation>中心库同步</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Enter the hub address first (postgresql+psycopg://USER@HOST/DATABASE).</source>
        <translation>请先输入中心库地址（postgresql+psycopg://用户@主机/数据库）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to the hub…</source>
        <translation>正在连接中心库……</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping after the batch in hand…</source>
        <translation>当前批次完成后停止……</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{sent} event(s) sent to the hub.</source>
        <translation>已向中心库发出 {sent} 条记录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing new came in from the hub.</source>
        <translation>中心库没有新记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped on request. What was transferred is kept; the next sync carries on from there, so nothing is lost.</source>
        <translation>已按要求停止。已传输的记录都已保存；下次同步会从中断处继续，不会丢失任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub sync stopped: {sent} sent, {applied} came in</source>
        <translation>中心库同步已停止：发出 {sent} 条，收到 {applied} 条</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hub sync complete: {sent} sent, {applied} came in</source>
        <translation>中心库同步完成：发出 {sent} 条，收到 {applied} 条</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>By USB file (bundle)</source>
        <translation>通过 U 盘文件（同步包）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>While the network is down: export a bundle to a USB stick, carry it to the other laptop and import it there, then the other way round. A damaged or altered file is refused and changes nothing.</source>
        <translation>网络中断期间：把同步包导出到 U 盘，带到另一台笔记本上导入，再反过来做一次。损坏或被篡改的文件会被拒绝，不会改变任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export bundle…</source>
        <translation>导出同步包(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport bundle…</source>
        <translation>导入同步包(&amp;M)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save this laptop&apos;s vec&amp;tor…</source>
        <translation>保存本机版本向量(&amp;T)…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Only what the other laptop lacks (choose its vector file)</source>
        <translation>只导出对方缺少的记录（选择对方的版本向量文件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A small file saying what this laptop holds, for a smaller bundle</source>
        <translation>记录本机已有内容的小文件，用于导出更小的同步包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Central hub (when the network is back)</source>
        <translation>中心库（网络恢复后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub &amp;address:</source>
        <translation>中心库地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub password</source>
        <translation>中心库密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in this laptop&apos;s data directory (hub.json, readable only by this computer account), never in the records. Every event from the hub is checked like one from a bundle.</source>
        <translation>保存在本机数据目录中（hub.json，只有本计算机账户可读），不会写入记录。来自中心库的每条记录都像同步包中的记录一样经过校验。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save address</source>
        <translation>保存地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop after the batch in hand; the next sync carries on, nothing is lost</source>
        <translation>当前批次完成后停止；下次同步会继续，不会丢失任何内容</translation>
    </message>
</context>
<context>
    <name>SyncHistoryTab</name>
    <message>
        <location filename="../../hisconsole/ui/sync/history.py" line="+42"/>
        <location line="+17"/>
        <source>With</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Last complete exchange</source>
        <translation>上次完整交换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Came in last time</source>
        <translation>上次收到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Went out last time</source>
        <translation>上次发出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came in</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Went out</source>
        <translation>发出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Already here</source>
        <translation>已有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Last exchange with each laptop and the hub</source>
        <translation>与各笔记本及中心库的上次交换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent exchanges, newest first</source>
        <translation>最近的交换（最新在前）</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../hisconsole/ui/sync/labels.py" line="+31"/>
        <source>This laptop</source>
        <extracomment>Row colours of the devices table by state: (background, text).</extracomment>
        <translation>本机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted (IT list)</source>
        <translation>受信任（信息科名单）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted here</source>
        <translation>已在本机接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In quarantine</source>
        <translation>隔离中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust expired</source>
        <translation>信任已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan editor</source>
        <translation>预案编辑</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundle written</source>
        <translation>写出同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle read</source>
        <translation>读入同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub sync</source>
        <translation>中心库同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device accepted</source>
        <translation>接受设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust list</source>
        <translation>信任名单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plan item</source>
        <translation>预案条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call tree</source>
        <translation>呼叫树</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>USB file</source>
        <translation>U 盘文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IT department</source>
        <translation>信息科</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub {where}</source>
        <translation>中心库 {where}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending to the hub: %v of %m events</source>
        <translation>正在发送到中心库：%v / %m 条记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking in from the hub: %v of %m events</source>
        <translation>正在从中心库接收：%v / %m 条记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} event(s) came in and were applied.</source>
        <translation>收到 {count} 条记录并已生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} were already here.</source>
        <translation>{count} 条本机已有。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} are held in quarantine: their device is not trusted here yet. A commander can accept it on the Devices tab.</source>
        <translation>{count} 条被隔离：其设备在本机尚不受信任。指挥长可在“设备”页签中接受该设备。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} were rejected (kept, never applied): {reasons}</source>
        <translation>{count} 条被拒绝（保留但不生效）：{reasons}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} wait for earlier events from the same device; they are applied once those arrive.</source>
        <translation>{count} 条在等待同一设备更早的记录；那些记录到达后即生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} name something not on this laptop yet (an incident, a checklist step, a sheet …); they are kept and applied once it arrives.</source>
        <translation>{count} 条所指的对象（应急事件、检查清单步骤、单据等）本机尚无；已保存，待其到达后应用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} carry a time far ahead of this laptop&apos;s clock: check the clocks of the laptops.</source>
        <translation>{count} 条的时间远超本机时钟：请检查各笔记本的时钟。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} differ from the copy held here under the same number (a laptop restored from an old backup?); the copies here were kept.</source>
        <translation>{count} 条与本机同编号的记录内容不同（是否有笔记本从旧备份恢复？）；已保留本机的记录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>device {device} was revoked by IT on {date}</source>
        <translation>设备 {device} 已于 {date} 被信息科吊销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the trust list&apos;s entry for device {device} expired on {date}</source>
        <translation>设备 {device} 在信任名单中的条目已于 {date} 过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>device {device} is not in the trust list</source>
        <translation>设备 {device} 不在信任名单中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{kind}&apos; needs the {role} role, which device {device} lacks</source>
        <translation>“{kind}”需要“{role}”角色，设备 {device} 没有该角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its event id is already used by another event</source>
        <translation>其记录编号已被另一条记录使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for event #{seq} of device {device}</source>
        <translation>等待设备 {device} 的第 {seq} 条记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{kind}&apos; from device {device} cannot be applied: {detail}</source>
        <translation>设备 {device} 的记录“{kind}”无法应用：{detail}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{kind}&apos; from device {device} names {thing} {key}, which is not on this laptop (yet); it is applied once that arrives</source>
        <translation>设备 {device} 的“{kind}”指向{thing} {key}，本机尚无；待其到达后应用</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>incident</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>form serial</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report received</source>
        <translation>报告信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checklist step</source>
        <translation>检查清单步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call-out</source>
        <translation>通知呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>improvement item</source>
        <translation>整改项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roster sign-in</source>
        <translation>指挥岗位签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>period objective</source>
        <translation>处置阶段目标</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The trust list it carries was ignored: {problem}.</source>
        <translation>其中附带的信任名单已忽略：{problem}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The trust list it carries was not used: {problem}.</source>
        <translation>其中附带的信任名单未被采用：{problem}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub has no key for device {device}: its events were not taken.</source>
        <translation>中心库没有设备 {device} 的密钥：未接收该设备的记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub&apos;s key for device {device} is damaged or not that device&apos;s key ({problem}): its events were not taken.</source>
        <translation>中心库中设备 {device} 的密钥已损坏或不是该设备的密钥（{problem}）：未接收该设备的记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An event of device {device} on the hub fails verification ({problem}): it and that device&apos;s later events were not taken.</source>
        <translation>中心库中设备 {device} 的一条记录未通过校验（{problem}）：该记录及该设备之后的记录均未接收。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stopped on request; the next sync carries on from there.</source>
        <translation>已按要求停止；下次同步从中断处继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust list serial {serial}</source>
        <translation>信任名单第 {serial} 版</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IT key {fingerprint} pinned</source>
        <translation>已固定信息科密钥 {fingerprint}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted by {name}</source>
        <translation>由 {name} 接受</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The trust list was updated to serial {serial}.</source>
        <translation>信任名单已更新到第 {serial} 版。</translation>
    </message>
</context>
<context>
    <name>SyncNetworkTab</name>
    <message>
        <location filename="../../hisconsole/ui/sync/network.py" line="+48"/>
        <source>Laptop</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device ID</source>
        <translation>设备 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lacks from here</source>
        <translation>缺本机记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not here yet</source>
        <translation>本机尚缺</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{address} added: this laptop reaches out to it.</source>
        <translation>已添加 {address}：本机将主动连接它。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Off: this laptop exchanges by USB file and the hub only.</source>
        <translation>未开启：本机只通过 U 盘文件（同步包）和中心库交换。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on {address}. {network}</source>
        <translation>在 {address} 监听。{network}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Command-centre network</source>
        <translation>指挥中心局域网</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laptops in one room (a switch, a Wi-Fi router, a hotspot or one cable) share every change within seconds, with no server. Only laptops in IT&apos;s trust list or accepted here can connect; the connection is encrypted. Laptops of this hospital are found by themselves; where they are not, add one by address.</source>
        <translation>同一房间的笔记本（通过交换机、无线路由器、手机热点或一根网线）无需服务器，几秒内即可共享每一项更改。只有信息科信任名单中的或在本机接受的笔记本才能连接；连接全程加密。本院的笔记本会自动互相发现；发现不了时，可按地址添加。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Laptop address, e.g. 192.168.8.12:47811</source>
        <translation>笔记本地址，例如 192.168.8.12:47811</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address of a laptop to add</source>
        <translation>要添加的笔记本地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add laptop</source>
        <translation>添加笔记本(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laptops on the command-centre network</source>
        <translation>指挥中心局域网中的笔记本</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../hisconsole/ui/main_window.py" line="-3"/>
        <location filename="../../hisconsole/ui/sync/page.py" line="+57"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../hisconsole/ui/sync/page.py" line="+53"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices ({count} in quarantine)</source>
        <translation>设备（{count} 台隔离中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exchange</source>
        <translation>交换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflicts ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Command-centre network</source>
        <translation>指挥中心局域网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command-centre network ({count})</source>
        <translation>指挥中心局域网（{count}）</translation>
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
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="-139"/>
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
    <name>SystemsTab</name>
    <message>
        <location filename="../../hisconsole/ui/incident/systems_tab.py" line="+38"/>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-30"/>
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
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set status…</source>
        <translation>设置状态…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark recovered</source>
        <translation>标记为已恢复</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>declared</source>
        <translation>启动应急响应</translation>
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
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../hisconsole/ui/tasks/dialog.py" line="+51"/>
        <source>&amp;Task:</source>
        <extracomment>What a task is made from: (source, its id, the text to start from).</extracomment>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group:</source>
        <translation>小组(&amp;G)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due:</source>
        <translation>完成时限(&amp;D)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(no group)</source>
        <translation>（不分组）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record task</source>
        <translation>记录任务</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location line="+6"/>
        <source>Made from an activity-log entry</source>
        <translation>由工作日志条目生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from a message</source>
        <translation>由消息生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from a checklist step</source>
        <translation>由检查清单步骤生成</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Make a task…</source>
        <translation>生成任务…</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <location filename="../../hisconsole/ui/tasks/tab.py" line="+42"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>小组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Done {time} ({person})</source>
        <translation>{time} 已完成（{person}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done / reopen</source>
        <translation>完成 / 重新打开</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{open} open, {overdue} overdue, {done} done</source>
        <translation>未完成 {open} 项，超时 {overdue} 项，已完成 {done} 项</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a task first.</source>
        <translation>请先选择一项任务。</translation>
    </message>
</context>
<context>
    <name>UpcomingPage</name>
    <message>
        <location filename="../../hisconsole/ui/partials/page.py" line="+31"/>
        <source>This page is not available yet in this version.</source>
        <translation>此页面在当前版本中尚未提供。</translation>
    </message>
</context>
<context>
    <name>UpwardReportDialog</name>
    <message>
        <location filename="../../hisconsole/ui/partials/dialogs.py" line="-219"/>
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
<context>
    <name>VerifyRoundDialog</name>
    <message>
        <location filename="../../hisconsole/ui/readiness/dialogs.py" line="+53"/>
        <source>Verify phone numbers</source>
        <translation>核对联系电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone on the contact list</source>
        <translation>应急通讯录全部人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last answer</source>
        <translation>上次核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>待办</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note (what was said or changed)</source>
        <translation>备注（对方答复或变更内容）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number &amp;verified</source>
        <translation>号码已核实(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number &amp;changed</source>
        <translation>号码已变更(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unreachable</source>
        <translation>联系不上(&amp;U)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{result}, {date}</source>
        <translation>{result}，{date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never asked</source>
        <translation>尚未核对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>due</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>已变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>联系不上</translation>
    </message>
</context>
<context>
    <name>VoidNumbersDialog</name>
    <message>
        <location filename="../../hisconsole/ui/forms/numbers.py" line="+18"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Void temporary numbers</source>
        <translation>作废临时住院号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A void number is never used again: {numbers}</source>
        <translation>作废的号码不得再使用：{numbers}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <location filename="../../hisconsole/ui/wall/window.py" line="+136"/>
        <source>No active incident</source>
        <extracomment>The wall&apos;s text size in points: read from the back of the room on a projector.</extracomment>
        <translation>当前无应急事件</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Level {code} · {name} — {title}</source>
        <translation>{code} 级 · {name} — {title}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Operational period {number} until {time}</source>
        <translation>第 {number} 处置阶段，至 {time}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Call-out {tree}: reached {reached} of {total}</source>
        <translation>通知呼叫 {tree}：已联系上 {reached}/{total}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Latest log</source>
        <translation>最新处置记录</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No report due</source>
        <translation>暂无待报</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{report} OVERDUE {time}</source>
        <translation>{report} 已超时 {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{report} due in {time}</source>
        <translation>{report} 剩余 {time}</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>HIS Console — wall display</source>
        <translation>HIS 应急指挥台 — 大屏显示</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../hisconsole/ui/firstrun.py" line="+93"/>
        <source>Choose the folder for this console&apos;s data.</source>
        <translation>请选择存放本指挥台数据的文件夹。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Welcome to HIS Console</source>
        <translation>欢迎使用 HIS 应急指挥台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up this laptop in four short steps.</source>
        <translation>只需四个简单步骤即可设置本机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This laptop will keep its own copy of the emergency plan, the contacts and the paper forms, so that they are at hand when the network and the HIS are down. Press Enter to accept each suggestion, or choose &apos;Use the defaults&apos; to skip the questions.</source>
        <translation>本机将保存一份应急预案、通讯录和纸质表单，网络和 HIS 中断时也能随时取用。按回车键接受每一项建议，或选择“使用默认设置”跳过这些问题。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data &amp;folder:</source>
        <translation>数据文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder for the console&apos;s data</source>
        <translation>指挥台数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database, this laptop&apos;s signing key and the backups go here. Keep it on this laptop, not on a network drive: the network may be what is down.</source>
        <translation>数据库、本机签名密钥和备份都存放在这里。请放在本机上，不要放在网络驱动器上：出故障的可能正是网络。</translation>
    </message>
</context>
</TS>
