<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Confirm: {0}</source>
        <translation>确认：{0}</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂不指定）</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 80 or 80.50</source>
        <translation>金额（元），如 80 或 80.50</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>ShopDesk cannot open its database</source>
        <translation>ShopDesk 无法打开数据库</translation>
    </message>
    <message>
        <source>Use this PC&apos;s own database</source>
        <translation>使用本机自己的数据库</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Customers</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Repair orders</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访与投诉</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>费用台账</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>价目表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>AuditTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>变更（原值 → 新值）</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Service contract</source>
        <translation>服务合同</translation>
    </message>
    <message>
        <source>Meter reading</source>
        <translation>抄表读数</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Order line</source>
        <translation>维修单明细</translation>
    </message>
    <message>
        <source>Price item</source>
        <translation>价目项</translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation>台账记录</translation>
    </message>
    <message>
        <source>Closed month</source>
        <translation>已结账月份</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>wrong passwords in a row</source>
        <translation>连续输错密码次数</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>ShopDesk (system)</source>
        <translation>ShopDesk（系统）</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>Rec&amp;ord</source>
        <translation>记录(&amp;O)</translation>
    </message>
    <message>
        <source>Select an entry to see every change it made.</source>
        <translation>选中一条记录，查看它的全部变更。</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>{0} (left)</source>
        <translation>{0}（已离职）</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>没有符合筛选条件的记录。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Written and checked (integrity check: ok).</source>
        <translation>已写入并检查（完整性检查：正常）。</translation>
    </message>
    <message>
        <source>The copy failed its integrity check ({detail}) and was not kept. The database itself may be damaged: keep the older backups and ask for help before restoring one.</source>
        <translation>副本未通过完整性检查（{detail}），未予保留。数据库本身可能已损坏：请保留较早的备份，并在恢复之前寻求技术帮助。</translation>
    </message>
    <message>
        <source>The backup folder {folder} was not available, so today&apos;s backup went to {used}.</source>
        <translation>备份文件夹 {folder} 无法访问，今天的备份已存到 {used}。</translation>
    </message>
    <message>
        <source>Written and read back whole by pg_restore.</source>
        <translation>已写入，并经 pg_restore 完整读回检查。</translation>
    </message>
    <message>
        <source>record counts unknown</source>
        <translation>记录数未知</translation>
    </message>
    <message>
        <source>{0} customers, {1} repair orders, {2} ledger entries</source>
        <translation>{0} 位客户、{1} 张维修单、{2} 条账目</translation>
    </message>
    <message>
        <source>Backup failed: {0}</source>
        <translation>备份失败：{0}</translation>
    </message>
    <message>
        <source>Backup {0} ({1}; {2}). {3}</source>
        <translation>备份 {0}（{1}；{2}）。{3}</translation>
    </message>
    <message>
        <source>{0} older backup(s) removed (Settings: how many to keep).</source>
        <translation>已删除 {0} 份较早的备份（按设置中的保留份数）。</translation>
    </message>
    <message>
        <source>Daily backup: {0}</source>
        <translation>每日备份：{0}</translation>
    </message>
    <message>
        <source>Daily backup failed: {0}</source>
        <translation>每日备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>ShopDesk backs up by itself on the first start of each day, and checks every copy. Keep the backups on another disk too: a USB disk or a synced folder.</source>
        <translation>ShopDesk 每天第一次启动时会自动备份，并检查每一份副本。请把备份也存到另一块磁盘上：U 盘或同步文件夹。</translation>
    </message>
    <message>
        <source>No backups here yet. Press “Back up now” to make the first one.</source>
        <translation>这里还没有备份。点击“立即备份”做第一份备份。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only the owner can restore a backup.</source>
        <translation>只有老板可以恢复备份。</translation>
    </message>
    <message>
        <source>Where backups go and how many are kept</source>
        <translation>备份位置与保留份数</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>The newest backup of each of the last days that have one is kept.</source>
        <translation>保留最近这些天里每天最新的一份备份。</translation>
    </message>
    <message>
        <source>The newest backup of each of the last months is kept as well.</source>
        <translation>另外保留最近这些月里每月最新的一份备份。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Monthly backups kept</source>
        <translation>每月备份保留</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>每日备份保留</translation>
    </message>
    <message>
        <source>Only the owner can change where backups go.</source>
        <translation>只有老板可以更改备份位置。</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>This folder does not exist. Connect the disk or choose another folder.</source>
        <translation>此文件夹不存在。请接上磁盘，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>Saved. The next backup goes to the new folder.</source>
        <translation>已保存。下一次备份将存到新文件夹。</translation>
    </message>
    <message>
        <source>Backups are kept in: {0}</source>
        <translation>备份存放在：{0}</translation>
    </message>
    <message>
        <source>(not available now: is the disk connected?)</source>
        <translation>（现在无法访问：磁盘接上了吗？）</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>正在备份并检查副本…</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>ShopDesk backups (*.sqlite3 *.pgdump);;All files (*)</source>
        <translation>ShopDesk 备份 (*.sqlite3 *.pgdump);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore the backup taken {0}?

It holds {1}.

Anything entered after {0} is not in it. The current database is kept aside, not deleted, and ShopDesk reopens on the restored records.</source>
        <translation>要恢复 {0} 的备份吗？

其中有 {1}。

{0} 之后录入的内容都不在其中。当前数据库会另存保留，不会删除；ShopDesk 将用恢复后的记录重新打开。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Checking the backup before restoring it…</source>
        <translation>恢复前正在检查备份…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The backup was restored, but ShopDesk cannot open it: {0}</source>
        <translation>备份已恢复，但 ShopDesk 无法打开它：{0}</translation>
    </message>
    <message>
        <source>Restored the backup taken {0} ({1}).</source>
        <translation>已恢复 {0} 的备份（{1}）。</translation>
    </message>
    <message>
        <source>The previous database was kept at {0}.</source>
        <translation>原来的数据库保留在 {0}。</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Repair orders</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>账目</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cannot be read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
    <message>
        <source>PostgreSQL dump</source>
        <translation>PostgreSQL 转储</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <source>Choose a call in “Calls due” first.</source>
        <translation>请先在“待回访”中选择一条回访。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Anything still wrong, in the customer&apos;s words</source>
        <translation>仍存在的问题（按客户原话记录）</translation>
    </message>
    <message>
        <source>Unsatisfied: record the cause and the fix.</source>
        <translation>不满意：请记录原因和整改措施。</translation>
    </message>
    <message>
        <source>Why the customer is not satisfied</source>
        <translation>客户不满意的原因</translation>
    </message>
    <message>
        <source>What the shop will do about it</source>
        <translation>本店将如何处理</translation>
    </message>
    <message>
        <source>Unsatisfied answer</source>
        <translation>不满意回访</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Call again at</source>
        <translation>再次回访时间</translation>
    </message>
    <message>
        <source>Leftover problem</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save call</source>
        <translation>保存回访</translation>
    </message>
    <message>
        <source>Re-open order</source>
        <translation>重新派单</translation>
    </message>
    <message>
        <source>Write a new order for another visit, with the leftover problem</source>
        <translation>按遗留问题新开一张维修单，再次上门</translation>
    </message>
    <message>
        <source>Make complaint</source>
        <translation>转为投诉</translation>
    </message>
    <message>
        <source>Call script</source>
        <translation>回访话术</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>应回访时间 {0}</translation>
    </message>
    <message>
        <source>try {0}</source>
        <translation>第 {0} 次拨打</translation>
    </message>
    <message>
        <source>Call script: unsatisfied customer</source>
        <translation>回访话术：客户不满意</translation>
    </message>
    <message>
        <source>Call script: satisfied customer</source>
        <translation>回访话术：客户满意</translation>
    </message>
    <message>
        <source>Saved and counted as unsatisfied. Re-open the order or make a complaint if it needs one.</source>
        <translation>已保存，计为不满意。如有需要，请重新派单或转为投诉。</translation>
    </message>
    <message>
        <source>Saved. Order {0} is confirmed for closing.</source>
        <translation>已保存。维修单 {0} 已确认回访，可以结单。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved. The call comes back at {0}.</source>
        <translation>已保存。将于 {0} 再次回访。</translation>
    </message>
    <message>
        <source>Complaint {0} is open: its 24 hours run from now.</source>
        <translation>投诉 {0} 已登记：24 小时处理时限从现在开始计算。</translation>
    </message>
    <message>
        <source>New order {0} written for another visit.</source>
        <translation>已新开维修单 {0}，安排再次上门。</translation>
    </message>
    <message>
        <source>Hello, this is the service desk calling about your recent repair. Do you have a minute?

1. Did the technician arrive at the agreed time?
2. Was the technician polite and careful?
3. Did they explain the fault and what they did?
4. Is the machine working well now?

Thank you! If anything goes wrong, call us any time.

(The shop&apos;s own wording can be set in Settings.)</source>
        <translation>您好，这里是维修服务台，想就您最近的维修做个回访，耽误您一分钟可以吗？

1. 维修师傅是否按约定时间到达？
2. 师傅的服务态度是否礼貌、细致？
3. 师傅是否向您说明了故障原因和维修内容？
4. 机器现在使用正常吗？

谢谢您！如有任何问题，欢迎随时来电。

（本店自己的话术可在“设置”中填写。）</translation>
    </message>
    <message>
        <source>We are sorry the service was not what you expected.

1. Could you tell me what went wrong? (note it as the cause)
2. Tell the customer what the shop will do and by when. (note it as the fix)
3. If the fault is still there, offer another visit (Re-open order).
4. If the customer wants to complain, record it now (Make complaint): it will be handled within 24 hours.

Thank you for telling us — it helps us do better.</source>
        <translation>很抱歉我们的服务没有让您满意。

1. 能否告诉我具体是哪里不满意？（记录为原因）
2. 告诉客户本店将采取的措施和完成时间。（记录为整改措施）
3. 如果故障仍未排除，提出再次上门（重新派单）。
4. 如果客户要投诉，现在就登记（转为投诉）：我们会在 24 小时内处理。

感谢您的反馈，这能帮助我们做得更好。</translation>
    </message>
</context>
<context>
    <name>CallsDueTab</name>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Record call…</source>
        <translation>登记回访…</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>No calls due</source>
        <translation>暂无待回访</translation>
    </message>
    <message>
        <source>Calls appear here when a technician&apos;s appointment time has passed, a repair runs longer than the shop&apos;s limit, a signed receipt comes back, or a contract customer&apos;s regular call falls due.</source>
        <translation>维修员预约时间已过、维修时间超过本店规定天数、签字回执单已交回，或合同客户到了定期回访时间时，回访会出现在这里。</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>全部维修员</translation>
    </message>
    <message>
        <source>Calls due: {0} · overdue: {1}</source>
        <translation>待回访：{0} · 已超时：{1}</translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <source>New Year</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <source>Greeted</source>
        <translation>已问候</translation>
    </message>
    <message>
        <source>Log that the selected customer was greeted for this birthday</source>
        <translation>记录已为所选客户送上生日问候</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>节日…</translation>
    </message>
    <message>
        <source>Birthdays in the next 2–7 days</source>
        <translation>未来 2–7 天过生日的客户</translation>
    </message>
    <message>
        <source>Holidays in the coming week (contract and rental customers)</source>
        <translation>未来一周的节日（合同及租机客户）</translation>
    </message>
    <message>
        <source>Birthdays: {0} · still to greet: {1}</source>
        <translation>生日：{0} · 待问候：{1}</translation>
    </message>
    <message>
        <source>No birthdays in the next 2–7 days. Birthdays (solar or lunar) are kept in the customer file.</source>
        <translation>未来 2–7 天没有客户过生日。客户生日（公历或农历）在客户档案中登记。</translation>
    </message>
    <message>
        <source>Pick a holiday to see who was greeted.</source>
        <translation>选择一个节日，查看已问候的客户。</translation>
    </message>
    <message>
        <source>No holiday in the coming week.</source>
        <translation>未来一周没有节日。</translation>
    </message>
    <message>
        <source>Select a customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>{0}: greeting logged.</source>
        <translation>{0}：已记录问候。</translation>
    </message>
</context>
<context>
    <name>ChargeLinesModel</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Covered / charged</source>
        <translation>保内 / 收费</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>保内免费</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Taken off what is charged</source>
        <translation>从收费金额中扣减</translation>
    </message>
    <message>
        <source>The coverage pays for this line: its value shows on the receipt, the customer pays nothing for it</source>
        <translation>此项由保修范围承担：单据上照常显示金额，客户无需付费</translation>
    </message>
    <message>
        <source>The customer pays for this line</source>
        <translation>此项由客户付费</translation>
    </message>
</context>
<context>
    <name>ChargesPanel</name>
    <message>
        <source>goodwill</source>
        <translation>特批</translation>
    </message>
    <message>
        <source>The owner or a team lead overrode the coverage the rules decided</source>
        <translation>老板或组长改动了按规则判定的保修范围</translation>
    </message>
    <message>
        <source>Re-check coverage</source>
        <translation>重新判定保修</translation>
    </message>
    <message>
        <source>Decide again from the device, contracts and earlier repairs (after correcting a purchase date or a contract)</source>
        <translation>根据设备、合同和以往维修重新判定（用于更正购买日期或合同之后）</translation>
    </message>
    <message>
        <source>Override coverage…</source>
        <translation>改判保修…</translation>
    </message>
    <message>
        <source>Use the rules again</source>
        <translation>恢复按规则判定</translation>
    </message>
    <message>
        <source>Drop the override and let the rules decide the coverage</source>
        <translation>取消改判，由规则重新判定保修范围</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除此项</translation>
    </message>
    <message>
        <source>Take the selected line off the order (Delete); the history keeps it</source>
        <translation>从维修单上去掉选中的费用项（Delete 键）；历史记录中仍保留</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>添加费用项</translation>
    </message>
    <message>
        <source>What was done or used</source>
        <translation>做了什么或用了什么</translation>
    </message>
    <message>
        <source>e.g. 80 or 80.50</source>
        <translation>如 80 或 80.50</translation>
    </message>
    <message>
        <source>Add from price list…</source>
        <translation>从价目表添加…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (¥)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>保内免费</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>未选维修单</translation>
    </message>
    <message>
        <source>{0} (refund due)</source>
        <translation>{0}（应退款）</translation>
    </message>
    <message>
        <source>Quote of {0} approved by the customer.</source>
        <translation>报价 {0} 客户已同意。</translation>
    </message>
    <message>
        <source>Quote of {0} declined by the customer.</source>
        <translation>报价 {0} 客户已拒绝。</translation>
    </message>
    <message>
        <source>Quote of {0} sent: waiting for the customer&apos;s answer.</source>
        <translation>已报价 {0}：等待客户答复。</translation>
    </message>
    <message>
        <source>Paid repair: quote the customer and record the approval before work starts.</source>
        <translation>收费维修：开工前须向客户报价并记录客户同意。</translation>
    </message>
    <message>
        <source>The charges now come to {0}: tell the customer.</source>
        <translation>现在费用合计为 {0}：请告知客户。</translation>
    </message>
    <message>
        <source>This order is finished: its charges no longer change.</source>
        <translation>此维修单已结束：费用不能再更改。</translation>
    </message>
    <message>
        <source>No lines yet: add the labour, parts and travel below. Covered lines keep their price and show as covered.</source>
        <translation>还没有费用项：请在下方添加工时、配件和上门费。保内项目照常显示价格，并标为保内免费。</translation>
    </message>
    <message>
        <source>No lines yet.</source>
        <translation>还没有费用项。</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>保内免费</translation>
    </message>
    <message>
        <source>charged</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Added {0} ({1}).</source>
        <translation>已添加 {0}（{1}）。</translation>
    </message>
    <message>
        <source>From the price list: {0} · {1} points</source>
        <translation>来自价目表：{0} · {1} 分</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>已删除 {0}。</translation>
    </message>
    <message>
        <source>The coverage was overridden and stays {0}.</source>
        <translation>保修范围已被改判，仍为{0}。</translation>
    </message>
    <message>
        <source>Coverage checked: {0}.</source>
        <translation>已重新判定：{0}。</translation>
    </message>
    <message>
        <source>Coverage overridden.</source>
        <translation>已改判保修范围。</translation>
    </message>
    <message>
        <source>Override dropped: the rules decide again ({0}).</source>
        <translation>已取消改判，按规则重新判定（{0}）。</translation>
    </message>
</context>
<context>
    <name>ChurnTab</name>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>No order for more than</source>
        <translation>超过以下时间未下单</translation>
    </message>
    <message>
        <source>Customers without an order for more than {1} months: {0} (most recently lost first).</source>
        <translation>超过 {1} 个月未下单的客户：{0} 位（最近流失的排在前面）。</translation>
    </message>
    <message>
        <source>Every customer with past orders ordered within {0} months.</source>
        <translation>所有老客户在 {0} 个月内都有下单。</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Name, phone or customer number, then Enter</source>
        <translation>输入姓名、电话或客户编号后按回车</translation>
    </message>
    <message>
        <source>Order number (optional)</source>
        <translation>维修单号（可不填）</translation>
    </message>
    <message>
        <source>In good faith (not malicious)</source>
        <translation>善意投诉（非恶意）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>— not yet —</source>
        <translation>— 尚未处理 —</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>负责人审批</translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Told the customer</source>
        <translation>反馈客户</translation>
    </message>
    <message>
        <source>Customer&apos;s reaction</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Take in hand</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>标记已解决</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>— nobody yet —</source>
        <translation>— 尚未指定 —</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>24 hours passed at {0}</source>
        <translation>已于 {0} 超过 24 小时</translation>
    </message>
    <message>
        <source>Resolve by {0}</source>
        <translation>请于 {0} 前处理完毕</translation>
    </message>
    <message>
        <source>Approved by {0} at {1}</source>
        <translation>{0} 于 {1} 审批</translation>
    </message>
    <message>
        <source>Not yet approved</source>
        <translation>尚未审批</translation>
    </message>
    <message>
        <source>Back in hand</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>The person in charge approves.</source>
        <translation>由负责人审批。</translation>
    </message>
    <message>
        <source>No customer found.</source>
        <translation>没有找到客户。</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>Not yet resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>No complaints here</source>
        <translation>这里没有投诉</translation>
    </message>
    <message>
        <source>Record a complaint with “New complaint”, or from an unsatisfied follow-up call. Each should be resolved within 24 hours.</source>
        <translation>点击“新投诉”登记，或从不满意的回访转为投诉。每件投诉应在 24 小时内处理完毕。</translation>
    </message>
    <message>
        <source>Complaints: {0} · past their 24 hours: {1}</source>
        <translation>投诉：{0} · 已超 24 小时：{1}</translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <source>The shop server answered with an error: {detail}</source>
        <translation>店铺服务器返回了错误：{detail}</translation>
    </message>
    <message>
        <source>Connected. The database {database} is empty: ShopDesk sets it up when this desk first opens it.</source>
        <translation>已连接。数据库 {database} 是空的：本机第一次打开时，ShopDesk 会自动建好它。</translation>
    </message>
    <message>
        <source>The database {database} holds other tables and is not a ShopDesk database: choose the shop&apos;s database.</source>
        <translation>数据库 {database} 里是别的数据表，不是 ShopDesk 数据库：请选择店铺的数据库。</translation>
    </message>
    <message>
        <source>The shop&apos;s database was written by a newer ShopDesk (schema {found}, this desk knows {known}): update ShopDesk on this desk first.</source>
        <translation>店铺数据库由更新版本的 ShopDesk 写入（结构版本 {found}，本机只认识 {known}）：请先更新本机的 ShopDesk。</translation>
    </message>
    <message>
        <source>Connected. The shop&apos;s database has an older schema ({found}); ShopDesk upgrades it to {known} when this desk opens it (make a backup first: shopdesk backup).</source>
        <translation>已连接。店铺数据库的结构版本较旧（{found}）；本机打开时 ShopDesk 会把它升级到 {known}（请先备份：shopdesk backup）。</translation>
    </message>
    <message>
        <source>Connected to the shop&apos;s database at {where}.</source>
        <translation>已连接到店铺数据库 {where}。</translation>
    </message>
    <message>
        <source>The name {host} is not known on this network: check the server&apos;s name or use its IP address.</source>
        <translation>本网络中找不到名为 {host} 的主机：请检查服务器名称，或改用它的 IP 地址。</translation>
    </message>
    <message>
        <source>The shop server does not let this desk in: add a line for the shop&apos;s network to pg_hba.conf on the server (see the README) and reload PostgreSQL.</source>
        <translation>店铺服务器不允许本机连接：请在服务器的 pg_hba.conf 中为店内网络加一行（见 README），然后重新加载 PostgreSQL。</translation>
    </message>
    <message>
        <source>The shop server refused the password for user {user}: check the user name and password.</source>
        <translation>店铺服务器拒绝了用户 {user} 的密码：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The shop server has no user {user}: create it on the server (createuser) or check the name.</source>
        <translation>店铺服务器上没有用户 {user}：请在服务器上创建它（createuser），或检查用户名。</translation>
    </message>
    <message>
        <source>The shop server has no database {database}: create it on the server (createdb -O {user} {database}) or check the name.</source>
        <translation>店铺服务器上没有数据库 {database}：请在服务器上创建它（createdb -O {user} {database}），或检查名称。</translation>
    </message>
    <message>
        <source>{host} answers, but nothing listens on port {port}: is PostgreSQL running there, with listen_addresses set for the network, and the port open in the firewall?</source>
        <translation>{host} 有响应，但端口 {port} 上没有服务在监听：PostgreSQL 是否在运行、listen_addresses 是否对网络开放、防火墙是否放行了该端口？</translation>
    </message>
    <message>
        <source>Cannot reach {host} on port {port}: is the server on and on the network, and the port open in its firewall?</source>
        <translation>无法连接 {host} 的端口 {port}：服务器是否已开机并接入网络、防火墙是否放行了该端口？</translation>
    </message>
    <message>
        <source>Cannot connect to the shop server: {detail}</source>
        <translation>无法连接店铺服务器：{detail}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to shop server</source>
        <translation>连接店铺服务器</translation>
    </message>
    <message>
        <source>When several desks work on one shop, they share one database on the shop&apos;s PostgreSQL server. Enter what the person who set up the server gave you.</source>
        <translation>店里多台电脑一起工作时，共用店铺 PostgreSQL 服务器上的同一个数据库。请填写架设服务器的人提供的信息。</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or shop-server</source>
        <translation>例如 192.168.1.10 或 shop-server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>使用此服务器</translation>
    </message>
    <message>
        <source>Use this PC&apos;s own database</source>
        <translation>改用本机自己的数据库</translation>
    </message>
    <message>
        <source>Forget the shop server; the next start opens this PC&apos;s own database file</source>
        <translation>忘记店铺服务器；下次启动时打开本机自己的数据库文件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, not in ShopDesk&apos;s settings.</source>
        <translation>密码保存在本机的系统密钥环中，不在 ShopDesk 的设置里。</translation>
    </message>
    <message>
        <source>The password is kept in a file only you can read ({0}), not in ShopDesk&apos;s settings.</source>
        <translation>密码保存在只有您能读取的文件中（{0}），不在 ShopDesk 的设置里。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or IP address.</source>
        <translation>请填写服务器名称或 IP 地址。</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>正在连接 {0}…</translation>
    </message>
    <message>
        <source>Saved: every start of ShopDesk on this desk now opens {0}.</source>
        <translation>已保存：本机以后每次启动 ShopDesk 都会打开 {0}。</translation>
    </message>
    <message>
        <source>The password is in this computer&apos;s keyring.</source>
        <translation>密码保存在本机的系统密钥环中。</translation>
    </message>
    <message>
        <source>The password is in {0} (readable by you only).</source>
        <translation>密码保存在 {0}（只有您能读取）。</translation>
    </message>
    <message>
        <source>{0}

Use this server anyway?</source>
        <translation>{0}

仍然使用此服务器吗？</translation>
    </message>
    <message>
        <source>SHOPDESK_DB is set on this computer and still wins: remove it, then restart ShopDesk to work on the shop server.</source>
        <translation>本机设置了 SHOPDESK_DB，它仍然优先：请删除它，再重新启动 ShopDesk 以使用店铺服务器。</translation>
    </message>
    <message>
        <source>Restart ShopDesk to work on the shop server.</source>
        <translation>请重新启动 ShopDesk 以使用店铺服务器。</translation>
    </message>
    <message>
        <source>This desk will use its own database file ({0}) from the next start. Restart ShopDesk.</source>
        <translation>下次启动起，本机将使用自己的数据库文件（{0}）。请重新启动 ShopDesk。</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Complaint</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>回访类型</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <source>Still wrong</source>
        <translation>遗留问题</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Follow-up calls</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>No complaints from this customer.</source>
        <translation>该客户没有投诉。</translation>
    </message>
    <message>
        <source>No follow-up calls yet.</source>
        <translation>还没有回访记录。</translation>
    </message>
    <message>
        <source>The latest {0} of {1}.</source>
        <translation>共 {1} 条，显示最近 {0} 条。</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Edit contract</source>
        <translation>编辑合同</translation>
    </message>
    <message>
        <source>Add contract or rental</source>
        <translation>新增合同或租抄</translation>
    </message>
    <message>
        <source>All the customer&apos;s devices</source>
        <translation>该客户的全部设备</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>上门/交通</translation>
    </message>
    <message>
        <source>Cancelled (archived)</source>
        <translation>已取消（归档）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Until (inclusive)</source>
        <translation>结束日期（含当天）</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Monthly fee (¥)</source>
        <translation>月租金（¥）</translation>
    </message>
    <message>
        <source>Pages included per month</source>
        <translation>每月包含印量（张）</translation>
    </message>
    <message>
        <source>Price per extra page (¥)</source>
        <translation>超出每张单价（¥）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <source>rented from the shop (rental {number} until {date})</source>
        <translation>租抄设备（租赁合同 {number}，至 {date}）</translation>
    </message>
    <message>
        <source>the device belongs to the shop (rental)</source>
        <translation>本店设备（租抄）</translation>
    </message>
    <message>
        <source>contract {number} until {date}: labour, parts and travel covered</source>
        <translation>合同 {number}（至 {date}）：含人工、配件和差旅</translation>
    </message>
    <message>
        <source>contract {number} until {date}: labour and parts covered, travel charged</source>
        <translation>合同 {number}（至 {date}）：含人工和配件，差旅另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: labour and travel covered, parts charged</source>
        <translation>合同 {number}（至 {date}）：含人工和差旅，配件另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: parts and travel covered, labour charged</source>
        <translation>合同 {number}（至 {date}）：含配件和差旅，人工另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: labour covered, parts and travel charged</source>
        <translation>合同 {number}（至 {date}）：含人工，配件和差旅另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: parts covered, labour and travel charged</source>
        <translation>合同 {number}（至 {date}）：含配件，人工和差旅另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: travel covered, labour and parts charged</source>
        <translation>合同 {number}（至 {date}）：含差旅，人工和配件另收</translation>
    </message>
    <message>
        <source>contract {number} until {date}: covers no labour, parts or travel</source>
        <translation>合同 {number}（至 {date}）：不含人工、配件和差旅</translation>
    </message>
    <message>
        <source>in warranty until {date}</source>
        <translation>保修期内，至 {date}</translation>
    </message>
    <message>
        <source>repeat of paid repair {number} closed {closed}: repair warranty until {date}</source>
        <translation>返修：付费维修单 {number} 于 {closed} 完结，维修保修至 {date}</translation>
    </message>
    <message>
        <source>out of warranty since {date}</source>
        <translation>已过保（自 {date} 起）</translation>
    </message>
    <message>
        <source>no rental, contract, warranty or repair warranty applies</source>
        <translation>过保：无租赁、合同、保修或维修保修</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>override by {name}: {reason}</source>
        <translation>{name} 人工更改：{reason}</translation>
    </message>
</context>
<context>
    <name>CoverageKinds</name>
    <message>
        <source>Rental</source>
        <translation>租机</translation>
    </message>
    <message>
        <source>Service contract</source>
        <translation>服务合同</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修期内</translation>
    </message>
    <message>
        <source>Repair warranty</source>
        <translation>维修保修</translation>
    </message>
    <message>
        <source>Paid repair</source>
        <translation>过保收费</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>电话2</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近报修</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未完工单</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>CustomerFileView</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the details (Ctrl+S)</source>
        <translation>保存客户资料（Ctrl+S）</translation>
    </message>
    <message>
        <source>New repair order</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <source>Merge duplicate…</source>
        <translation>合并重复档案…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修期</translation>
    </message>
    <message>
        <source>Warranty until</source>
        <translation>保修至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add device…</source>
        <translation>添加设备…</translation>
    </message>
    <message>
        <source>Edit device…</source>
        <translation>编辑设备…</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>Monthly fee</source>
        <translation>月租金</translation>
    </message>
    <message>
        <source>Pages incl.</source>
        <translation>包含印量</translation>
    </message>
    <message>
        <source>Per page</source>
        <translation>超出单价</translation>
    </message>
    <message>
        <source>Add contract or rental…</source>
        <translation>新增合同或租抄…</translation>
    </message>
    <message>
        <source>Edit contract…</source>
        <translation>编辑合同…</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>费用类别</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结单时间</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Contracts and rentals</source>
        <translation>合同与租抄</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Calls and complaints</source>
        <translation>回访与投诉</translation>
    </message>
    <message>
        <source>Archived — merged into {0}</source>
        <translation>已归档——已合并到 {0}</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>No warranty</source>
        <translation>无保修</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>保修期内</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过保</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} 个月</translation>
    </message>
    <message>
        <source>Everything (rental)</source>
        <translation>全部（租抄）</translation>
    </message>
    <message>
        <source>labour</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>travel</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No repair orders yet.</source>
        <translation>暂无维修记录。</translation>
    </message>
    <message>
        <source>The latest {0} of {1} orders.</source>
        <translation>显示最近 {0} 张，共 {1} 张维修单。</translation>
    </message>
    <message>
        <source>{0} orders.</source>
        <translation>共 {0} 张维修单。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Archived: the file stays searchable with “Show archived”.</source>
        <translation>已归档：勾选“显示已归档”仍可查到此档案。</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>Mobile (11 digits) or landline with area code</source>
        <translation>手机（11 位）或带区号的座机</translation>
    </message>
    <message>
        <source>Lunar calendar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone *</source>
        <translation>电话 *</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>电话2</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerKinds</name>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同客户</translation>
    </message>
    <message>
        <source>Rental</source>
        <translation>租抄</translation>
    </message>
    <message>
        <source>Service contract</source>
        <translation>维保合同</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>Not yet started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Rental</source>
        <translation>租抄</translation>
    </message>
    <message>
        <source>Service contract</source>
        <translation>维保合同</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <source>Repair warranty</source>
        <translation>维修保修</translation>
    </message>
    <message>
        <source>Paid repair</source>
        <translation>收费维修</translation>
    </message>
    <message>
        <source>Found by order {0}</source>
        <translation>按维修单 {0} 找到</translation>
    </message>
    <message>
        <source>Found by device serial {0}</source>
        <translation>按序列号 {0} 找到</translation>
    </message>
    <message>
        <source>Found by customer number {0}</source>
        <translation>按客户编号 {0} 找到</translation>
    </message>
    <message>
        <source>Found by phone {0}</source>
        <translation>按电话 {0} 找到</translation>
    </message>
    <message>
        <source>Found by name</source>
        <translation>按姓名找到</translation>
    </message>
    <message>
        <source>Found by name, pinyin, company, contact or address</source>
        <translation>按姓名、拼音、公司、联系人或地址找到</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近报修</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未完工单</translation>
    </message>
    <message>
        <source>{0} (archived)</source>
        <translation>{0}（已归档）</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Customer files</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>No customers yet — press Ctrl+N to add one, or import your Excel list.</source>
        <translation>还没有客户——按 Ctrl+N 新建，或导入您的 Excel 客户表。</translation>
    </message>
    <message>
        <source>Import Excel or CSV list…</source>
        <translation>导入 Excel 或 CSV 客户表…</translation>
    </message>
    <message>
        <source>Name, pinyin (ww, wangwei), phone, company, address, customer no., serial, order no.</source>
        <translation>姓名、拼音（ww、wangwei）、电话、公司、地址、客户编号、序列号、维修单号</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Has open orders</source>
        <translation>有未完工单</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the list as filtered now to Excel or CSV</source>
        <translation>把当前筛选的列表导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Type a name, pinyin initials, phone or serial above, then pick a customer.</source>
        <translation>在上方输入姓名、拼音首字母、电话或序列号，然后选择客户。</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>找到 1 个</translation>
    </message>
    <message>
        <source>{0} matches</source>
        <translation>找到 {0} 个</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 个客户</translation>
    </message>
    <message>
        <source>{0} customers</source>
        <translation>{0} 个客户</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>没有找到“{0}”。</translation>
    </message>
    <message>
        <source>Order {0}: the Repair orders area is not available.</source>
        <translation>维修单 {0}：维修单功能不可用。</translation>
    </message>
    <message>
        <source>The Repair orders area is not available.</source>
        <translation>维修单功能不可用。</translation>
    </message>
    <message>
        <source>Customer {0} created.</source>
        <translation>已创建客户 {0}。</translation>
    </message>
    <message>
        <source>Customers imported: {0}.</source>
        <translation>已导入客户：{0} 个。</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>1 customer written to {0}.</source>
        <translation>已将 1 个客户写入 {0}。</translation>
    </message>
    <message>
        <source>{0} customers written to {1}.</source>
        <translation>已将 {0} 个客户写入 {1}。</translation>
    </message>
    <message>
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <source>Files merged.</source>
        <translation>档案已合并。</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>ShopDesk found damage in its database</source>
        <translation>ShopDesk 发现数据库已损坏</translation>
    </message>
    <message>
        <source>{0}

SQLite reports: {1}

ShopDesk has not changed this file and will not write to it. Restoring a backup keeps the damaged file aside for a technician to look at.</source>
        <translation>{0}

SQLite 报告：{1}

ShopDesk 没有改动这个文件，也不会写入它。恢复备份时，损坏的文件会另存保留，供技术人员查看。</translation>
    </message>
    <message>
        <source>Looking for the latest good backup…</source>
        <translation>正在查找最近的完好备份…</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Choose a backup file…</source>
        <translation>选择备份文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>No good backup was found in the backup folders. Copy {0} somewhere safe and ask for help, or choose a backup file (for example on a USB disk).</source>
        <translation>备份文件夹中没有找到完好的备份。请把 {0} 复制到安全的地方并寻求技术帮助，或选择一个备份文件（例如 U 盘上的）。</translation>
    </message>
    <message>
        <source>The latest good backup was taken {0} and holds {1}. Anything entered after that is not in it.</source>
        <translation>最近的完好备份是 {0} 做的，其中有 {1}。此后录入的内容都不在其中。</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>ShopDesk backups (*.sqlite3);;All files (*)</source>
        <translation>ShopDesk 备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DayBoardView</name>
    <message>
        <source>Assign to…</source>
        <translation>派给…</translation>
    </message>
    <message>
        <source>Close the day…</source>
        <translation>日结…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Technician / order</source>
        <translation>维修员 / 维修单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Drag an order onto a technician to give it to them. Carried-over orders are listed first.</source>
        <translation>把维修单拖到维修员上即可派单。前一天结转的单排在最前。</translation>
    </message>
    <message>
        <source>Not yet with a technician</source>
        <translation>尚未派给维修员</translation>
    </message>
    <message>
        <source>{0} — {1} open, {2} done</source>
        <translation>{0} — 未完成 {1}，已完成 {2}</translation>
    </message>
    <message>
        <source>carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Closed by {0}</source>
        <translation>已由 {0} 日结</translation>
    </message>
    <message>
        <source>{0} is now with {1}.</source>
        <translation>{0} 已派给 {1}。</translation>
    </message>
    <message>
        <source>Day closed: {0} orders carried over to tomorrow.</source>
        <translation>已日结：{0} 张单结转到明天。</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <source>Close the day {0}</source>
        <translation>日结 {0}</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Not done (carried over)</source>
        <translation>未完成（结转）</translation>
    </message>
    <message>
        <source>Not yet with a technician</source>
        <translation>尚未派给维修员</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} unfinished orders will be carried over and listed first tomorrow.</source>
        <translation>{0} 张未完成的单将结转，明天排在最前。</translation>
    </message>
    <message>
        <source>Nothing was open or done on this day.</source>
        <translation>这一天没有未完成或已完成的单。</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
</context>
<context>
    <name>DeviceCategories</name>
    <message>
        <source>Copier</source>
        <translation>复印机</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Multifunction printer</source>
        <translation>多功能一体机</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描仪</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真机</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>Edit device</source>
        <translation>编辑设备</translation>
    </message>
    <message>
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>The shop&apos;s own copier (rented out)</source>
        <translation>本店自有机器（租给客户）</translation>
    </message>
    <message>
        <source>No longer in use (archived)</source>
        <translation>已不再使用（归档）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Running total</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Shown when the list is filtered to one kind of entry</source>
        <translation>按一个类别筛选时显示</translation>
    </message>
    <message>
        <source>Entered by {0}</source>
        <translation>录入人：{0}</translation>
    </message>
    <message>
        <source>reverses No. {0}</source>
        <translation>冲销第 {0} 号</translation>
    </message>
    <message>
        <source>reversed by No. {0}</source>
        <translation>已被第 {0} 号冲销</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>维修单号</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Post entry…</source>
        <translation>记账…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Every entry of the period, whatever the other filters</source>
        <translation>导出期间内的全部账目，不受其他筛选条件影响</translation>
    </message>
    <message>
        <source>Post entry</source>
        <translation>记账</translation>
    </message>
    <message>
        <source>All technicians</source>
        <translation>全部维修员</translation>
    </message>
    <message>
        <source>{0} entries of this kind; they add up to {1}.</source>
        <translation>此类账目共 {0} 笔，合计 {1}。</translation>
    </message>
    <message>
        <source>{0} entries. Choose a kind to see its running total and sum.</source>
        <translation>共 {0} 笔账目。选择一个类别可查看累计与合计。</translation>
    </message>
    <message>
        <source>No entry matches: change the period or the filters, or post an entry.</source>
        <translation>没有符合条件的账目：请更改期间或筛选条件，或记一笔账。</translation>
    </message>
    <message>
        <source>This entry is a reversal or was already reversed.</source>
        <translation>这笔账目是冲销账目，或已被冲销。</translation>
    </message>
    <message>
        <source>Post the opposite entry, linked to the selected one</source>
        <translation>记一笔与所选账目相反的账目，并与之关联</translation>
    </message>
    <message>
        <source>Posted entry No. {0}: {1} {2}.</source>
        <translation>已记入第 {0} 号账目：{1} {2}。</translation>
    </message>
    <message>
        <source>Entry No. {0} reversed by entry No. {1}.</source>
        <translation>第 {0} 号账目已由第 {1} 号账目冲销。</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported {0} entries to {1}.</source>
        <translation>已导出 {0} 笔账目到 {1}。</translation>
    </message>
    <message>
        <source>Could not write the file: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{where} holds other tables and is not a ShopDesk database. Nothing was changed.</source>
        <translation>{where} 中有其他数据表，不是 ShopDesk 数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>This database was written by a newer ShopDesk (schema {found}, this program knows {known}). Update ShopDesk on this desk; the database was not changed.</source>
        <translation>此数据库由更新版本的 ShopDesk 写入（结构版本 {found}，本程序支持 {known}）。请先升级本机的 ShopDesk；数据库未被更改。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是一个文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Cannot create a database at {path}: the folder {folder} does not exist.</source>
        <translation>无法在 {path} 创建数据库：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Cannot create a database at {path}: the folder is not writable.</source>
        <translation>无法在 {path} 创建数据库：该文件夹不可写。</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a ShopDesk database ({detail}). It was not changed; restore a backup.</source>
        <translation>{path} 已损坏或不是 ShopDesk 数据库（{detail}）。文件未被更改，请从备份恢复。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {detail}</source>
        <translation>无法打开 {path}：{detail}</translation>
    </message>
    <message>
        <source>Cannot write to {path}: check the file&apos;s permissions.</source>
        <translation>无法写入 {path}：请检查文件权限。</translation>
    </message>
    <message>
        <source>The connection to the shop server ({where}) broke while saving: the save may not have been stored. Check once the server is back.</source>
        <translation>保存时与店铺服务器（{where}）的连接断开了：这次保存可能没有存上。服务器恢复后请检查一下。</translation>
    </message>
    <message>
        <source>Lost the connection to the shop server ({where}); nothing was saved. ShopDesk reconnects by itself: try again in a moment.</source>
        <translation>与店铺服务器（{where}）的连接断开了，没有保存任何内容。ShopDesk 会自动重新连接：请稍后再试。</translation>
    </message>
    <message>
        <source>The shop server refused the user name or password ({where}).</source>
        <translation>店铺服务器拒绝了用户名或密码（{where}）。</translation>
    </message>
    <message>
        <source>The shop server has no such database ({where}).</source>
        <translation>店铺服务器上没有这个数据库（{where}）。</translation>
    </message>
    <message>
        <source>Cannot reach the shop server ({where}): is it on and on the network?</source>
        <translation>无法连接店铺服务器（{where}）：服务器是否开机并已联网？</translation>
    </message>
    <message>
        <source>Cannot open the database {where}: {detail}</source>
        <translation>无法打开数据库 {where}：{detail}</translation>
    </message>
    <message>
        <source>Changed by {name} at {time} — reload to see their changes.</source>
        <translation>已被 {name} 于 {time} 修改 — 请重新载入查看其更改。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>您的角色（{role}）无权执行此操作（{permission}）。</translation>
    </message>
    <message>
        <source>The shop name is required: it heads every receipt.</source>
        <translation>必须填写店名：每张单据的抬头都会用到。</translation>
    </message>
    <message>
        <source>There is no order {number}.</source>
        <translation>没有维修单 {number}。</translation>
    </message>
    <message>
        <source>An on-site repair needs the address to go to.</source>
        <translation>上门维修需要填写上门地址。</translation>
    </message>
    <message>
        <source>Describe the fault the customer reports.</source>
        <translation>请填写客户报修的故障。</translation>
    </message>
    <message>
        <source>Unknown channel {channel}.</source>
        <translation>未知的报修方式 {channel}。</translation>
    </message>
    <message>
        <source>Unknown priority {priority}.</source>
        <translation>未知的优先级 {priority}。</translation>
    </message>
    <message>
        <source>Customer {number} is archived: restore the file first.</source>
        <translation>客户 {number} 已归档：请先恢复档案。</translation>
    </message>
    <message>
        <source>This device is not one of the customer&apos;s.</source>
        <translation>该设备不属于此客户。</translation>
    </message>
    <message>
        <source>You may not add photos to order {number}.</source>
        <translation>您无权给维修单 {number} 添加照片。</translation>
    </message>
    <message>
        <source>{name} is not a photo (JPEG, PNG, BMP, GIF or WebP).</source>
        <translation>{name} 不是照片（JPEG、PNG、BMP、GIF 或 WebP）。</translation>
    </message>
    <message>
        <source>The file {name} cannot be found.</source>
        <translation>找不到文件 {name}。</translation>
    </message>
    <message>
        <source>{name} is too large (at most 20 MB).</source>
        <translation>{name} 太大（最大 20 MB）。</translation>
    </message>
    <message>
        <source>You may not assign order {number}.</source>
        <translation>您无权派发维修单 {number}。</translation>
    </message>
    <message>
        <source>Order {number} cannot be given to a technician while it is “{state}”.</source>
        <translation>维修单 {number} 处于“{state}”时不能派给维修员。</translation>
    </message>
    <message>
        <source>Pick an active team member who can take this order.</source>
        <translation>请选择一位在职且能接单的人员。</translation>
    </message>
    <message>
        <source>Say how the fee was paid.</source>
        <translation>请注明收费方式。</translation>
    </message>
    <message>
        <source>Order {number} is finished: its work record is kept as it was.</source>
        <translation>维修单 {number} 已结束：维修记录保持不变。</translation>
    </message>
    <message>
        <source>Only the technician of order {number} may record its work.</source>
        <translation>只有维修单 {number} 的维修员可以填写维修记录。</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} 必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Order {number} is finished and no longer changes.</source>
        <translation>维修单 {number} 已结束，不能再修改。</translation>
    </message>
    <message>
        <source>Unknown receipt kind {kind}.</source>
        <translation>未知的单据类型 {kind}。</translation>
    </message>
    <message>
        <source>There is no such order.</source>
        <translation>没有这张维修单。</translation>
    </message>
    <message>
        <source>Unknown receipt layout.</source>
        <translation>未知的单据版式。</translation>
    </message>
    <message>
        <source>No orders to print.</source>
        <translation>没有要打印的维修单。</translation>
    </message>
    <message>
        <source>No order numbered {numbers}.</source>
        <translation>没有单号为 {numbers} 的维修单。</translation>
    </message>
    <message>
        <source>Give order numbers or a date range.</source>
        <translation>请给出单号或日期范围。</translation>
    </message>
    <message>
        <source>This setting must be a whole number from {low} to {high}.</source>
        <translation>此设置必须是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Unknown time zone {zone}.</source>
        <translation>未知的时区 {zone}。</translation>
    </message>
    <message>
        <source>The logo is too large (at most 512 KB).</source>
        <translation>标志图片太大（最大 512 KB）。</translation>
    </message>
    <message>
        <source>Unknown follow-up stage {stage}.</source>
        <translation>未知的回访阶段 {stage}。</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>请选择回访结果。</translation>
    </message>
    <message>
        <source>A score is a whole number from 1 to 5.</source>
        <translation>评分必须是 1 到 5 之间的整数。</translation>
    </message>
    <message>
        <source>Scores are given only when the customer was reached.</source>
        <translation>只有接通客户时才能评分。</translation>
    </message>
    <message>
        <source>Give a time to call again.</source>
        <translation>请填写再次回访的时间。</translation>
    </message>
    <message>
        <source>The time to call again must be in the future.</source>
        <translation>再次回访的时间必须晚于现在。</translation>
    </message>
    <message>
        <source>A complaint cannot go from “{current}” to “{target}”.</source>
        <translation>投诉不能从“{current}”变为“{target}”。</translation>
    </message>
    <message>
        <source>Name the person responsible first.</source>
        <translation>请先指定责任人。</translation>
    </message>
    <message>
        <source>Choose how the complaint was resolved.</source>
        <translation>请选择处理方式。</translation>
    </message>
    <message>
        <source>Describe the resolution.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <source>The person in charge must approve the resolution before the complaint is closed.</source>
        <translation>结案前须由负责人审批处理结果。</translation>
    </message>
    <message>
        <source>Record what the customer was told before closing the complaint.</source>
        <translation>结案前请记录向客户反馈的内容。</translation>
    </message>
    <message>
        <source>{month} is not a month (write it as YYYY-MM).</source>
        <translation>{month} 不是有效的月份（请写成 YYYY-MM）。</translation>
    </message>
    <message>
        <source>{month} is closed: no entry may be dated into it. Date it in an open month.</source>
        <translation>{month} 已结账：不能再记入该月的账目。请记入未结账的月份。</translation>
    </message>
    <message>
        <source>{month} has not ended yet: it can be closed from {day}.</source>
        <translation>{month} 尚未结束：自 {day} 起方可结账。</translation>
    </message>
    <message>
        <source>{month} is already closed.</source>
        <translation>{month} 已经结账。</translation>
    </message>
    <message>
        <source>The amount must not be zero.</source>
        <translation>金额不能为零。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>The amount must be positive; to take money back, post a reversal or a refund.</source>
        <translation>金额必须为正数；如需退回款项，请记冲销或退款。</translation>
    </message>
    <message>
        <source>Unknown payment method {method}.</source>
        <translation>未知的付款方式 {method}。</translation>
    </message>
    <message>
        <source>Say how the customer paid (cash, WeChat, Alipay, bank or card).</source>
        <translation>请注明客户的付款方式（现金、微信、支付宝、银行转账或刷卡）。</translation>
    </message>
    <message>
        <source>The memo must be one line of at most {max} characters.</source>
        <translation>备注须为一行，最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>An entry cannot be dated in the future.</source>
        <translation>账目日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Entry {seq} is itself a reversal and cannot be reversed; post a new entry instead.</source>
        <translation>第 {seq} 笔账目本身就是冲销，不能再冲销；请另记一笔新账目。</translation>
    </message>
    <message>
        <source>Entry {seq} was already reversed by entry {by}.</source>
        <translation>第 {seq} 笔账目已被第 {by} 笔冲销。</translation>
    </message>
    <message>
        <source>An amount cannot be negative: {text}</source>
        <translation>金额不能为负数：{text}</translation>
    </message>
    <message>
        <source>An amount has at most two decimals (fen): {text}</source>
        <translation>金额最多保留两位小数（到分）：{text}</translation>
    </message>
    <message>
        <source>“{text}” is not an amount: type it like 80 or 80.50.</source>
        <translation>“{text}”不是金额，请按 80 或 80.50 的格式输入。</translation>
    </message>
    <message>
        <source>The amount is too large: {text}</source>
        <translation>金额过大：{text}</translation>
    </message>
    <message>
        <source>The password needs at least {length} characters.</source>
        <translation>密码至少需要 {length} 个字符。</translation>
    </message>
    <message>
        <source>The password needs at least {length} characters, or use a PIN of at least {digits} digits.</source>
        <translation>密码至少需要 {length} 个字符，或使用至少 {digits} 位数字的 PIN 码。</translation>
    </message>
    <message>
        <source>The password is too long (at most {length} characters).</source>
        <translation>密码太长（最多 {length} 个字符）。</translation>
    </message>
    <message>
        <source>The password cannot be only spaces.</source>
        <translation>密码不能只有空格。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number from 1 to {high}.</source>
        <translation>数量必须是 1 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Points cannot be negative.</source>
        <translation>分值不能为负数。</translation>
    </message>
    <message>
        <source>Unknown line kind {kind}.</source>
        <translation>未知的项目类别 {kind}。</translation>
    </message>
    <message>
        <source>The tax rate must be from 0 to {high} basis points.</source>
        <translation>税率必须在 0 至 {high} 个基点之间。</translation>
    </message>
    <message>
        <source>The discount ({discount}) is more than what is charged ({charged}).</source>
        <translation>折扣（{discount}）超过了应收金额（{charged}）。</translation>
    </message>
    <message>
        <source>Add the area code to the phone {phone} (e.g. 0755-12345678).</source>
        <translation>请给电话 {phone} 加上区号（例如 0755-12345678）。</translation>
    </message>
    <message>
        <source>{phone} is not a phone number: use a mobile (11 digits) or a landline with its area code.</source>
        <translation>{phone} 不是有效的电话号码：请填写手机（11 位）或带区号的座机。</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address.</source>
        <translation>{email} 不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>Kilometres must be a whole number from 0 to {max}.</source>
        <translation>公里数必须是 0 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A custom period is at most {days} days long.</source>
        <translation>自定义期间最长 {days} 天。</translation>
    </message>
    <message>
        <source>This period overlaps the settlement already approved for {start} to {end}.</source>
        <translation>该期间与已审批的 {start} 至 {end} 结算重叠。</translation>
    </message>
    <message>
        <source>Unknown repair location {location}.</source>
        <translation>未知的维修方式 {location}。</translation>
    </message>
    <message>
        <source>This is a paid repair: the customer must approve the quote before work starts.</source>
        <translation>这是收费维修：客户同意报价后才能开始维修。</translation>
    </message>
    <message>
        <source>There is no order action called {action}.</source>
        <translation>没有名为 {action} 的维修单操作。</translation>
    </message>
    <message>
        <source>The order is in an unknown state {state}.</source>
        <translation>维修单处于未知状态 {state}。</translation>
    </message>
    <message>
        <source>“{action}” is not possible while the order is “{state}”.</source>
        <translation>维修单处于“{state}”时不能执行“{action}”。</translation>
    </message>
    <message>
        <source>You may not do “{action}” on this order.</source>
        <translation>您无权对此维修单执行“{action}”。</translation>
    </message>
    <message>
        <source>Only a receipt signed by the customer in person counts: it cannot be accepted.</source>
        <translation>只有客户本人签字的回执单有效：不能接收。</translation>
    </message>
    <message>
        <source>{input} is required.</source>
        <translation>必须填写{input}。</translation>
    </message>
    <message>
        <source>A quote needs an amount above zero.</source>
        <translation>报价金额必须大于零。</translation>
    </message>
    <message>
        <source>{input} is not valid.</source>
        <translation>{input}无效。</translation>
    </message>
    <message>
        <source>{path} already exists: a backup never overwrites a file.</source>
        <translation>{path} 已存在：备份从不覆盖文件。</translation>
    </message>
    <message>
        <source>Cannot back up {path}: {detail}</source>
        <translation>无法备份 {path}：{detail}</translation>
    </message>
    <message>
        <source>Cannot write the backup {path}: {detail}</source>
        <translation>无法写入备份 {path}：{detail}</translation>
    </message>
    <message>
        <source>Cannot write to the backup folder {folder}: check its permissions.</source>
        <translation>无法写入备份文件夹 {folder}：请检查其权限。</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not available. Is the USB disk or network drive connected?</source>
        <translation>备份文件夹 {folder} 无法访问。U 盘或网络驱动器接上了吗？</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}). Nothing was changed; choose another backup.</source>
        <translation>备份 {path} 已损坏（{detail}）。没有做任何改动；请选择其他备份。</translation>
    </message>
    <message>
        <source>{path} is not a ShopDesk backup. Nothing was changed.</source>
        <translation>{path} 不是 ShopDesk 备份。没有做任何改动。</translation>
    </message>
    <message>
        <source>The backup {path} was written by a newer ShopDesk (schema {found}, this program knows {known}). Update ShopDesk first; nothing was changed.</source>
        <translation>备份 {path} 由更新版本的 ShopDesk 写入（结构版本 {found}，本程序支持 {known}）。请先更新 ShopDesk；没有做任何改动。</translation>
    </message>
    <message>
        <source>Cannot check {path}: {detail}</source>
        <translation>无法检查 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} is a backup of the other kind of database (SQLite file or PostgreSQL dump) and cannot be restored here.</source>
        <translation>{path} 是另一种数据库的备份（SQLite 文件或 PostgreSQL 转储），不能在这里恢复。</translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it.</source>
        <translation>{path} 是数据库本身，不是它的备份。</translation>
    </message>
    <message>
        <source>Cannot copy the backup next to {path}: {detail}. Nothing was changed.</source>
        <translation>无法把备份复制到 {path} 旁边：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of {path}: {detail}. Nothing was changed.</source>
        <translation>无法用备份替换 {path}：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>{path} is open in another ShopDesk window or program. Close it there and try again; nothing was changed.</source>
        <translation>{path} 正在另一个 ShopDesk 窗口或程序中打开。请先关闭它再试；没有做任何改动。</translation>
    </message>
    <message>
        <source>Cannot prepare {path} for the restore: {detail}. Nothing was changed.</source>
        <translation>无法为恢复准备 {path}：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>{tool} was not found. Install the PostgreSQL client programs on this computer (Debian/Ubuntu: apt install postgresql-client) or put {tool} on the PATH.</source>
        <translation>找不到 {tool}。请在这台电脑上安装 PostgreSQL 客户端程序（Debian/Ubuntu：apt install postgresql-client），或把 {tool} 加入 PATH。</translation>
    </message>
    <message>
        <source>{tool} failed for {where}: {detail}. Nothing was changed.</source>
        <translation>{tool} 处理 {where} 时失败：{detail}。没有做任何改动。</translation>
    </message>
    <message>
        <source>Cannot connect to {where}: {detail}</source>
        <translation>无法连接 {where}：{detail}</translation>
    </message>
    <message>
        <source>Order not found.</source>
        <translation>找不到维修单。</translation>
    </message>
    <message>
        <source>Order {number} is not one of yours.</source>
        <translation>维修单 {number} 不是您的。</translation>
    </message>
    <message>
        <source>Say why the coverage is overridden.</source>
        <translation>请说明更改保修类别的原因。</translation>
    </message>
    <message>
        <source>Unknown coverage {kind}.</source>
        <translation>未知的保修类别 {kind}。</translation>
    </message>
    <message>
        <source>This order has no contract to apply; check its coverage first.</source>
        <translation>该维修单没有可用的合同；请先检查保修类别。</translation>
    </message>
    <message>
        <source>A code has at most {high} characters.</source>
        <translation>编码最多 {high} 个字符。</translation>
    </message>
    <message>
        <source>This line no longer exists.</source>
        <translation>该收费项目已不存在。</translation>
    </message>
    <message>
        <source>Order {number} is closed or cancelled: its coverage and lines no longer change.</source>
        <translation>维修单 {number} 已完结或已取消：其保修类别和收费项目不能再修改。</translation>
    </message>
    <message>
        <source>Only the technician of order {number} may change its lines.</source>
        <translation>只有维修单 {number} 的维修员可以修改其收费项目。</translation>
    </message>
    <message>
        <source>Describe the line (what was done or used).</source>
        <translation>请填写项目说明（做了什么或用了什么）。</translation>
    </message>
    <message>
        <source>At most {high} characters.</source>
        <translation>最多 {high} 个字符。</translation>
    </message>
    <message>
        <source>ShopDesk reads customer lists from .xlsx and .csv files.</source>
        <translation>ShopDesk 只能读取 .xlsx 和 .csv 格式的客户表。</translation>
    </message>
    <message>
        <source>Cannot read {file}: {detail}</source>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>文件中没有数据行。</translation>
    </message>
    <message>
        <source>The file has more than {count} rows: split it.</source>
        <translation>文件超过 {count} 行，请拆分后再导入。</translation>
    </message>
    <message>
        <source>Choose the column that holds the customer&apos;s name.</source>
        <translation>请选择存放客户姓名的列。</translation>
    </message>
    <message>
        <source>Unknown customer type {kind}.</source>
        <translation>未知的客户类型 {kind}。</translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation>{value} 不是有效日期。</translation>
    </message>
    <message>
        <source>Duplicate: the same phone as {number} {name}.</source>
        <translation>重复：与 {number} {name} 的电话相同。</translation>
    </message>
    <message>
        <source>Duplicate: the same phone as row {line} of this file.</source>
        <translation>重复：与本文件第 {line} 行的电话相同。</translation>
    </message>
    <message>
        <source>Duplicate: the same name and company as {number}.</source>
        <translation>重复：与 {number} 的姓名和公司相同。</translation>
    </message>
    <message>
        <source>Duplicate: the same name and company as row {line} of this file.</source>
        <translation>重复：与本文件第 {line} 行的姓名和公司相同。</translation>
    </message>
    <message>
        <source>The customer&apos;s name is required.</source>
        <translation>必须填写客户姓名。</translation>
    </message>
    <message>
        <source>At least one phone number is required.</source>
        <translation>至少需要填写一个电话号码。</translation>
    </message>
    <message>
        <source>Customer not found.</source>
        <translation>找不到客户。</translation>
    </message>
    <message>
        <source>There is no customer {number}.</source>
        <translation>没有客户 {number}。</translation>
    </message>
    <message>
        <source>The birthday is not a date.</source>
        <translation>生日不是有效日期。</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters.</source>
        <translation>太长了：最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>This file was merged into {number}: open that one instead.</source>
        <translation>此档案已合并到 {number}，请打开那份档案。</translation>
    </message>
    <message>
        <source>Choose two different customer files to merge.</source>
        <translation>请选择两份不同的客户档案进行合并。</translation>
    </message>
    <message>
        <source>{number} was already merged into another file.</source>
        <translation>{number} 已经合并到另一份档案。</translation>
    </message>
    <message>
        <source>Device not found.</source>
        <translation>找不到该设备。</translation>
    </message>
    <message>
        <source>Give the device&apos;s brand, model or serial.</source>
        <translation>请填写设备的品牌、型号或序列号。</translation>
    </message>
    <message>
        <source>Warranty months must be a whole number from 0 to {high}.</source>
        <translation>保修月数必须是 0 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>The purchase date cannot be in the future.</source>
        <translation>购买日期不能晚于今天。</translation>
    </message>
    <message>
        <source>A warranty needs the purchase date.</source>
        <translation>有保修期时必须填写购买日期。</translation>
    </message>
    <message>
        <source>Contract not found.</source>
        <translation>找不到该合同。</translation>
    </message>
    <message>
        <source>Unknown contract type {kind}.</source>
        <translation>未知的合同类型 {kind}。</translation>
    </message>
    <message>
        <source>Give the first and the last day of the contract.</source>
        <translation>请填写合同的开始日期和结束日期。</translation>
    </message>
    <message>
        <source>The contract ends before it starts.</source>
        <translation>合同的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>That device is not on this customer&apos;s file.</source>
        <translation>该设备不在此客户的档案中。</translation>
    </message>
    <message>
        <source>A rental names the copier it rents out.</source>
        <translation>租抄合同必须指定所租的机器。</translation>
    </message>
    <message>
        <source>Fees, prices and page counts must be whole amounts of zero or more.</source>
        <translation>费用、单价和张数必须是不小于零的整数金额。</translation>
    </message>
    <message>
        <source>The customer is not satisfied: record the cause.</source>
        <translation>客户不满意：请记录原因。</translation>
    </message>
    <message>
        <source>A stage {stage} call is about an order: choose it.</source>
        <translation>{stage} 阶段回访针对维修单：请选择维修单。</translation>
    </message>
    <message>
        <source>This call already asked for order {number}.</source>
        <translation>此回访已新开维修单 {number}。</translation>
    </message>
    <message>
        <source>This call is not about an order.</source>
        <translation>此回访不涉及维修单。</translation>
    </message>
    <message>
        <source>Order {number} is still open: handle the new problem on the order itself.</source>
        <translation>维修单 {number} 尚未完成：请在该维修单上处理新问题。</translation>
    </message>
    <message>
        <source>This call is already complaint {number}.</source>
        <translation>此回访已转为投诉 {number}。</translation>
    </message>
    <message>
        <source>The customer was satisfied on this call.</source>
        <translation>此次回访客户表示满意。</translation>
    </message>
    <message>
        <source>Follow-up call not found.</source>
        <translation>找不到该回访记录。</translation>
    </message>
    <message>
        <source>Describe the complaint.</source>
        <translation>请填写投诉内容。</translation>
    </message>
    <message>
        <source>Choose the complaint&apos;s category.</source>
        <translation>请选择投诉类别。</translation>
    </message>
    <message>
        <source>Choose how the complaint came in.</source>
        <translation>请选择投诉渠道。</translation>
    </message>
    <message>
        <source>A complaint cannot be received in the future.</source>
        <translation>受理时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Pick an active team member.</source>
        <translation>请选择在职人员。</translation>
    </message>
    <message>
        <source>That order is not this customer&apos;s.</source>
        <translation>该维修单不属于此客户。</translation>
    </message>
    <message>
        <source>Complaint {number} is closed and no longer changes.</source>
        <translation>投诉 {number} 已结案，不能再修改。</translation>
    </message>
    <message>
        <source>Complaint not found.</source>
        <translation>找不到该投诉。</translation>
    </message>
    <message>
        <source>{name} already greeted this customer on {date}.</source>
        <translation>{name} 已于 {date} 问候过该客户。</translation>
    </message>
    <message>
        <source>Give the holiday a name.</source>
        <translation>请填写节日名称。</translation>
    </message>
    <message>
        <source>There is no such day in that calendar.</source>
        <translation>该历法中没有这一天。</translation>
    </message>
    <message>
        <source>Holiday not found.</source>
        <translation>找不到该节日。</translation>
    </message>
    <message>
        <source>Months must be a whole number from 1 to 120.</source>
        <translation>月数必须是 1 到 120 之间的整数。</translation>
    </message>
    <message>
        <source>A month is written like 2026-11.</source>
        <translation>月份格式应为 2026-11。</translation>
    </message>
    <message>
        <source>This text is too long (at most {limit} characters).</source>
        <translation>内容过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>The ledger&apos;s numbering is out of step (last entry {last}, next number {seq}). Nothing was posted: verify the ledger and restore a backup.</source>
        <translation>账本编号不连续（最后一笔为 {last}，下一编号为 {seq}）。未记入任何账目：请核验账本并恢复备份。</translation>
    </message>
    <message>
        <source>There is no repair order {id}.</source>
        <translation>没有编号为 {id} 的维修单。</translation>
    </message>
    <message>
        <source>There is no staff member {id}.</source>
        <translation>没有编号为 {id} 的员工。</translation>
    </message>
    <message>
        <source>Give the reason for the reversal.</source>
        <translation>请填写冲销原因。</translation>
    </message>
    <message>
        <source>There is no ledger entry {id}.</source>
        <translation>没有编号为 {id} 的账目。</translation>
    </message>
    <message>
        <source>A technician records only their own collections.</source>
        <translation>维修员只能登记自己的收款。</translation>
    </message>
    <message>
        <source>A charge cannot be negative.</source>
        <translation>收费金额不能为负数。</translation>
    </message>
    <message>
        <source>Enter the cash handed in.</source>
        <translation>请输入上交的现金金额。</translation>
    </message>
    <message>
        <source>Code {code} is already in the price list.</source>
        <translation>编码 {code} 已在价目表中。</translation>
    </message>
    <message>
        <source>This price list item no longer exists.</source>
        <translation>该价目项已不存在。</translation>
    </message>
    <message>
        <source>A code is 1 to {high} characters without spaces.</source>
        <translation>编码为 1 至 {high} 个字符，不含空格。</translation>
    </message>
    <message>
        <source>A name is 1 to {high} characters.</source>
        <translation>名称为 1 至 {high} 个字符。</translation>
    </message>
    <message>
        <source>A discount is given on an order, not kept in the price list.</source>
        <translation>折扣只在维修单上给出，不列入价目表。</translation>
    </message>
    <message>
        <source>The period has not ended yet: approve it on or after {day}.</source>
        <translation>该期间尚未结束：请于 {day} 或之后审批。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked. Try again in {minutes} min, or ask the owner.</source>
        <translation>密码错误次数过多，此账号已被锁定。请 {minutes} 分钟后再试，或联系负责人。</translation>
    </message>
    <message>
        <source>This account is no longer active. Ask the owner.</source>
        <translation>此账号已停用，请联系负责人。</translation>
    </message>
    <message>
        <source>The owner account already exists: sign in instead.</source>
        <translation>负责人账号已存在，请直接登录。</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>必须填写姓名。</translation>
    </message>
    <message>
        <source>The user name is required.</source>
        <translation>必须填写用户名。</translation>
    </message>
    <message>
        <source>The user name cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>Unknown role {role}.</source>
        <translation>未知的角色 {role}。</translation>
    </message>
    <message>
        <source>Too long: at most {length} characters.</source>
        <translation>太长了：最多 {length} 个字符。</translation>
    </message>
    <message>
        <source>The user name {username} is already taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>You cannot change your own role; ask another owner.</source>
        <translation>不能修改自己的角色，请由另一位负责人修改。</translation>
    </message>
    <message>
        <source>The shop needs at least one active owner.</source>
        <translation>店里至少需要一位在职的负责人。</translation>
    </message>
    <message>
        <source>There is no such staff member (id {id}).</source>
        <translation>没有这名员工（编号 {id}）。</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>源数据库和目标数据库是同一个。</translation>
    </message>
    <message>
        <source>{where} already holds ShopDesk records ({tables}). A copy only fills an empty database, so two shops never mix: create a new database (createdb) and copy into that. Nothing was changed.</source>
        <translation>{where} 中已有 ShopDesk 记录（{tables}）。复制只会写入空数据库，以免两家店的数据混在一起：请新建一个数据库（createdb）再复制进去。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>FirstOwnerDialog</name>
    <message>
        <source>Create the owner account</source>
        <translation>创建负责人账号</translation>
    </message>
    <message>
        <source>Welcome to ShopDesk</source>
        <translation>欢迎使用 ShopDesk</translation>
    </message>
    <message>
        <source>This shop database has no accounts yet. Create the owner&apos;s account first: the owner adds the staff, and manages prices, the ledger and settings. There is no default password; choose one only you know.</source>
        <translation>这个店铺数据库还没有任何账号。请先创建负责人账号：负责人添加员工，并管理价目、台账和设置。系统没有默认密码，请设置一个只有您知道的密码。</translation>
    </message>
    <message>
        <source>as staff and customers know you</source>
        <translation>员工和客户称呼您的名字</translation>
    </message>
    <message>
        <source>used to sign in, e.g. wangwei</source>
        <translation>用于登录，例如 wangwei</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>至少 {0} 个字符</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Type your name.</source>
        <translation>请填写您的姓名。</translation>
    </message>
    <message>
        <source>Choose a user name.</source>
        <translation>请设置用户名。</translation>
    </message>
    <message>
        <source>The user name cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>A: arrival</source>
        <translation>A：到场回访</translation>
    </message>
    <message>
        <source>B: long repair</source>
        <translation>B：长时维修回访</translation>
    </message>
    <message>
        <source>C: satisfaction</source>
        <translation>C：满意度回访</translation>
    </message>
    <message>
        <source>Contract customer</source>
        <translation>合同客户定期回访</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>稍后再打</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>及时性</translation>
    </message>
    <message>
        <source>Technician attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>讲解说明</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>维修效果</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In hand</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Trade-in</source>
        <translation>以旧换新</translation>
    </message>
    <message>
        <source>Part replacement</source>
        <translation>更换配件</translation>
    </message>
    <message>
        <source>On-site repair</source>
        <translation>上门维修</translation>
    </message>
    <message>
        <source>User training</source>
        <translation>用户培训</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>During a visit</source>
        <translation>上门时</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Letter or e-mail</source>
        <translation>信函或电子邮件</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in {0} days</source>
        <translation>{0} 天后</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>还有</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Greeted</source>
        <translation>已问候</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最后维修单</translation>
    </message>
    <message>
        <source>Last order on</source>
        <translation>最后下单日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Order state</source>
        <translation>维修单状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>拨打次数</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Calls due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>回访登记</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Customer care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>流失客户</translation>
    </message>
    <message>
        <source>Monthly statistics</source>
        <translation>月度统计</translation>
    </message>
</context>
<context>
    <name>HandInDialog</name>
    <message>
        <source>Cash hand-in</source>
        <translation>现金交款</translation>
    </message>
    <message>
        <source>Choose the technician…</source>
        <translation>选择维修员…</translation>
    </message>
    <message>
        <source>{0} (left the shop)</source>
        <translation>{0}（已离职）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Cash collected</source>
        <translation>收取现金</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>已上交</translation>
    </message>
    <message>
        <source>Still to hand in</source>
        <translation>尚应上交</translation>
    </message>
    <message>
        <source>Tick the orders this cash is for</source>
        <translation>勾选这笔现金对应的维修单</translation>
    </message>
    <message>
        <source>count the cash, e.g. 120 or 120.50</source>
        <translation>清点现金后输入，如 120 或 120.50</translation>
    </message>
    <message>
        <source>e.g. 3 signed receipts handed in too</source>
        <translation>如：同时交回签字回执单 3 张</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Cash handed in (¥)</source>
        <translation>上交现金（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record hand-in</source>
        <translation>登记交款</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>What the technician should hand in:</source>
        <translation>维修员应上交：</translation>
    </message>
    <message>
        <source>Choose who is handing in cash.</source>
        <translation>请选择交款的维修员。</translation>
    </message>
    <message>
        <source>{0} holds {1} in cash collected and not yet handed in.</source>
        <translation>{0} 持有已收未交现金 {1}。</translation>
    </message>
    <message>
        <source>No order has cash due from {0}.</source>
        <translation>{0} 没有应上交现金的维修单。</translation>
    </message>
    <message>
        <source>Should hand in for the ticked orders: {0}</source>
        <translation>所勾选维修单应上交：{0}</translation>
    </message>
    <message>
        <source>Tick the orders this cash is for.</source>
        <translation>请勾选这笔现金对应的维修单。</translation>
    </message>
    <message>
        <source>⚠ {0} missing</source>
        <translation>⚠ 短缺 {0}</translation>
    </message>
    <message>
        <source>⚠ {0} more than due</source>
        <translation>⚠ 多交 {0}</translation>
    </message>
    <message>
        <source>✔ Recorded: exactly what was due.</source>
        <translation>✔ 已登记：金额与应交一致。</translation>
    </message>
    <message>
        <source>Handed in {0}; due on those orders {1}. {2} still holds {3}.</source>
        <translation>上交 {0}；这些维修单应交 {1}。{2} 仍持有 {3}。</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>e.g. Dragon Boat Festival</source>
        <translation>例如：端午节</translation>
    </message>
    <message>
        <source>Solar (Gregorian)</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Turn on / off</source>
        <translation>启用 / 停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Built in: New Year, Spring Festival, Mid-Autumn Festival, National Day.</source>
        <translation>内置节日：元旦、春节、中秋节、国庆节。</translation>
    </message>
    <message>
        <source>lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入客户</translation>
    </message>
    <message>
        <source>Choose the shop&apos;s customer list (.xlsx or .csv)</source>
        <translation>选择店里的客户表（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>各列对应的内容</translation>
    </message>
    <message>
        <source>Check rows (dry run)</source>
        <translation>检查各行（试导入）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <source>Import {0} customers</source>
        <translation>导入 {0} 个客户</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户表</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Column {0}</source>
        <translation>第 {0} 列</translation>
    </message>
    <message>
        <source>{0} rows. Check the columns, then run the dry run.</source>
        <translation>共 {0} 行。请核对各列，然后试导入检查。</translation>
    </message>
    <message>
        <source>{0} rows can be imported; {1} have problems and will be left out.</source>
        <translation>{0} 行可以导入；{1} 行有问题，将被跳过。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Imported as {0}</source>
        <translation>已导入为 {0}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported {0} customers; {1} rows left out.</source>
        <translation>已导入 {0} 个客户；跳过 {1} 行。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New repair order</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <source>Write order</source>
        <translation>开单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name, pinyin (ww), phone or customer number</source>
        <translation>姓名、拼音（ww）、电话或客户编号</translation>
    </message>
    <message>
        <source>No customer chosen yet.</source>
        <translation>尚未选择客户。</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>创建客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>(no device recorded)</source>
        <translation>（未登记设备）</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Add device</source>
        <translation>添加设备</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>What the customer reports, in their words</source>
        <translation>客户描述的故障（照客户原话）</translation>
    </message>
    <message>
        <source>Left with the device: power cord, toner …</source>
        <translation>随机附件：电源线、墨粉盒…</translation>
    </message>
    <message>
        <source>Scratches, cracks, missing parts …</source>
        <translation>划痕、裂纹、缺件…</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Fault *</source>
        <translation>故障 *</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>报修方式</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>维修方式</translation>
    </message>
    <message>
        <source>On-site address</source>
        <translation>上门地址</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>外观状况</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Nobody found — create the customer below.</source>
        <translation>没有找到——请在下方新建客户。</translation>
    </message>
    <message>
        <source>Customer: {0}</source>
        <translation>客户：{0}</translation>
    </message>
    <message>
        <source>{0} (serial {1})</source>
        <translation>{0}（序列号 {1}）</translation>
    </message>
    <message>
        <source>Choose or create the customer first.</source>
        <translation>请先选择或新建客户。</translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>Describe the fault the customer reports.</source>
        <translation>请填写客户报修的故障。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Charge</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Payment collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Cash handed in</source>
        <translation>交款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>补贴</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>The ledger is intact: {count} entries checked.</source>
        <translation>账本完好：已核验 {count} 笔账目。</translation>
    </message>
    <message>
        <source>Entry {seq} was altered outside ShopDesk: its content no longer matches its hash.</source>
        <translation>第 {seq} 笔账目在 ShopDesk 之外被改动：其内容与哈希值不再相符。</translation>
    </message>
    <message>
        <source>Entry {seq} was altered outside ShopDesk and its hash recomputed: the next entry no longer links to it.</source>
        <translation>第 {seq} 笔账目在 ShopDesk 之外被改动并重算了哈希值：下一笔账目已无法与之衔接。</translation>
    </message>
    <message>
        <source>Entry {seq} is missing: it was removed outside ShopDesk.</source>
        <translation>第 {seq} 笔账目缺失：它在 ShopDesk 之外被删除。</translation>
    </message>
    <message>
        <source>Entry {seq} was added outside ShopDesk.</source>
        <translation>第 {seq} 笔账目是在 ShopDesk 之外添加的。</translation>
    </message>
    <message>
        <source>The ledger was rewritten outside ShopDesk up to entry {seq}: it no longer matches what was recorded when its month was closed.</source>
        <translation>账本在 ShopDesk 之外被改写（至第 {seq} 笔）：与该月结账时的记录不再相符。</translation>
    </message>
    <message>
        <source>Entry {seq} holds a value ShopDesk cannot read: it was altered outside ShopDesk.</source>
        <translation>第 {seq} 笔账目含有 ShopDesk 无法读取的值：它在 ShopDesk 之外被改动。</translation>
    </message>
    <message>
        <source>{0} (left)</source>
        <translation>{0}（已离职）</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reverses No.</source>
        <translation>冲销序号</translation>
    </message>
    <message>
        <source>Entered at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希值</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Entries</source>
        <translation>账目</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Month close &amp;&amp; verify</source>
        <translation>月结与校验</translation>
    </message>
    <message>
        <source>Settlements</source>
        <translation>维修员结算</translation>
    </message>
</context>
<context>
    <name>LineKinds</name>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>上门费</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk 维修台</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Find a customer or order: name, pinyin (ww), phone, serial, order number …  (Ctrl+K)</source>
        <translation>查找客户或维修单：姓名、拼音首字母（ww）、电话、序列号、单号……（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Backup and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Record a &amp;hand-in…</source>
        <translation>登记交款(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ShopDesk</source>
        <translation>关于 ShopDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>当前用户：{0}（{1}）</translation>
    </message>
    <message>
        <source>offline — reconnecting</source>
        <translation>离线 — 正在重新连接</translation>
    </message>
    <message>
        <source>Search is not available yet.</source>
        <translation>搜索功能尚不可用。</translation>
    </message>
    <message>
        <source>About ShopDesk</source>
        <translation>关于 ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk {0}
Customer files, repair orders, receipts, follow-ups and the fee ledger for small repair shops.</source>
        <translation>ShopDesk {0}
面向小型维修店的客户档案、维修单、单据打印、回访与费用台账。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a duplicate file</source>
        <translation>合并重复档案</translation>
    </message>
    <message>
        <source>Find the duplicate of {0}. Its devices, contracts, orders and history move to {0}; the duplicate is archived.</source>
        <translation>查找 {0} 的重复档案。其设备、合同、维修单和历史记录都将移到 {0}；重复档案将被归档。</translation>
    </message>
    <message>
        <source>Name, phone or customer number of the duplicate</source>
        <translation>重复档案的姓名、电话或客户编号</translation>
    </message>
    <message>
        <source>Merge into this file</source>
        <translation>合并到本档案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk 维修台</translation>
    </message>
</context>
<context>
    <name>MonthsTab</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结账时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
    <message>
        <source>Last entry No.</source>
        <translation>最后账目序号</translation>
    </message>
    <message>
        <source>Close month…</source>
        <translation>月结…</translation>
    </message>
    <message>
        <source>Close the books through</source>
        <translation>结账至</translation>
    </message>
    <message>
        <source>Month close</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>校验台账</translation>
    </message>
    <message>
        <source>Each entry carries a fingerprint of its content and of the entry before it. Verifying recomputes them all and names the first entry changed outside ShopDesk.</source>
        <translation>每笔账目都带有其内容及上一笔账目的指纹。校验会重新计算全部指纹，并指出第一笔在 ShopDesk 之外被改动的账目。</translation>
    </message>
    <message>
        <source>Tamper check</source>
        <translation>防篡改校验</translation>
    </message>
    <message>
        <source>The books are closed through {0}: entries can be dated from {1} on.</source>
        <translation>已结账至 {0}：账目日期须在 {1} 及以后。</translation>
    </message>
    <message>
        <source>No month is closed yet. Close each month once its figures are checked: closed months cannot change, and the summary is faster.</source>
        <translation>尚未结账任何月份。每月数字核对无误后请结账：已结账的月份不能再改动，汇总也会更快。</translation>
    </message>
    <message>
        <source>{0} can be closed from {1}.</source>
        <translation>{0} 可在 {1} 起结账。</translation>
    </message>
    <message>
        <source>Close {0}?</source>
        <translation>结账 {0}？</translation>
    </message>
    <message>
        <source>Close the books through {0}?

Afterwards no entry may be dated on or before {1}, in {0} or any earlier month. A mistake found later is corrected with a reversal dated in an open month. Closing cannot be undone.</source>
        <translation>结账至 {0}？

结账后，任何账目都不能记在 {1} 及以前（{0} 或更早的月份）。之后发现的错误须在未结账的月份中冲销更正。结账不能撤销。</translation>
    </message>
    <message>
        <source>Close {0}</source>
        <translation>结账 {0}</translation>
    </message>
    <message>
        <source>Closing {0}…</source>
        <translation>正在结账 {0}…</translation>
    </message>
    <message>
        <source>{0} is closed.</source>
        <translation>{0} 已结账。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Checking every entry of the ledger…</source>
        <translation>正在检查台账的每一笔账目…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>ShopDesk never changes an entry: someone edited the database directly. Compare it with a backup made before that entry and ask who had access.</source>
        <translation>ShopDesk 从不修改账目：有人直接改动了数据库。请与该账目之前的备份比对，并查明谁有访问权限。</translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was checked to the end.</source>
        <translation>校验已取消：未检查完毕。</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>姓名和公司相同</translation>
    </message>
    <message>
        <source> — archived</source>
        <translation>——已归档</translation>
    </message>
    <message>
        <source>This may be a customer you already have. Double-click a file to open it, or press Save anyway.</source>
        <translation>这可能是已有的客户。双击打开已有档案，或点“仍然保存”。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>No photos yet.</source>
        <translation>还没有照片。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Record work…</source>
        <translation>填写维修记录…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Print intake slip…</source>
        <translation>打印受理单…</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>打印回执单…</translation>
    </message>
    <message>
        <source>Order and charges</source>
        <translation>工单与费用</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>维修单 {0}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Timeline ({0})</source>
        <translation>处理记录（{0}）</translation>
    </message>
    <message>
        <source>Photos ({0})</source>
        <translation>照片（{0}）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>维修方式</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>报修方式</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Dispatched to</source>
        <translation>派给</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>外观状况</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>维修内容</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <source>Reported: {0}</source>
        <translation>报修：{0}</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk</translation>
    </message>
    <message>
        <source>customer told</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <source>customer NOT told</source>
        <translation>未通知客户</translation>
    </message>
    <message>
        <source>missed; </source>
        <translation>爽约；</translation>
    </message>
    <message>
        <source>{0}moved to {1}: {2} ({3})</source>
        <translation>{0}改约到 {1}：{2}（{3}）</translation>
    </message>
    <message>
        <source>Carried over from {0}</source>
        <translation>自 {0} 结转</translation>
    </message>
    <message>
        <source>Intake slip</source>
        <translation>受理单</translation>
    </message>
    <message>
        <source>Repair receipt</source>
        <translation>维修回执单</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <source>Work record saved.</source>
        <translation>维修记录已保存。</translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>上门时报修</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>上门维修</translation>
    </message>
    <message>
        <source>Bench (left at the counter)</source>
        <translation>送修（设备留在店里）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Not dispatched in time</source>
        <translation>未按时派单</translation>
    </message>
    <message>
        <source>No technician in time</source>
        <translation>未按时派维修员</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>派工</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Work record</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>保修类型</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>Rental</source>
        <translation>租抄</translation>
    </message>
    <message>
        <source>Service contract</source>
        <translation>服务合同</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>保修期内</translation>
    </message>
    <message>
        <source>Repair warranty</source>
        <translation>维修保修</translation>
    </message>
    <message>
        <source>Paid repair</source>
        <translation>收费维修</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Order</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>New order…</source>
        <translation>新建维修单…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New order (Ctrl+Shift+N)</source>
        <translation>新建维修单 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未结维修单</translation>
    </message>
    <message>
        <source>Day board</source>
        <translation>当日看板</translation>
    </message>
    <message>
        <source>No orders for you</source>
        <translation>没有您的维修单</translation>
    </message>
    <message>
        <source>Orders the team lead gives you appear here.</source>
        <translation>组长派给您的维修单会显示在这里。</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>我的维修单</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>打印回执单…</translation>
    </message>
    <message>
        <source>Print the selected order&apos;s repair receipt (Ctrl+P)</source>
        <translation>打印所选工单的维修回执单（Ctrl+P）</translation>
    </message>
    <message>
        <source>Every open state</source>
        <translation>所有未结状态</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Not yet assigned</source>
        <translation>尚未派工</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Unclaimed devices</source>
        <translation>逾期未取设备</translation>
    </message>
    <message>
        <source>Bench devices ready for pickup longer than the reminder days in Settings</source>
        <translation>已修好待取、超过设置中提醒天数的送修设备</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>No open orders</source>
        <translation>没有未结维修单</translation>
    </message>
    <message>
        <source>Nothing matches. New orders come in with Ctrl+Shift+N.</source>
        <translation>没有符合条件的单。按 Ctrl+Shift+N 新建维修单。</translation>
    </message>
    <message>
        <source>{0} orders</source>
        <translation>{0} 张单</translation>
    </message>
    <message>
        <source>Order {0} written.</source>
        <translation>维修单 {0} 已开出。</translation>
    </message>
</context>
<context>
    <name>OverdueIndicator</name>
    <message>
        <source>Overdue orders: {0}</source>
        <translation>超时维修单：{0}</translation>
    </message>
    <message>
        <source>No overdue orders</source>
        <translation>没有超时维修单</translation>
    </message>
</context>
<context>
    <name>OverrideCoverageDialog</name>
    <message>
        <source>Override the coverage of {0}</source>
        <translation>改判 {0} 的保修范围</translation>
    </message>
    <message>
        <source>Now: {0} — {1}</source>
        <translation>当前：{0} — {1}</translation>
    </message>
    <message>
        <source>Your decision replaces the rules&apos; until someone drops it. It is recorded with your name and reason, and the receipt shows it as goodwill.</source>
        <translation>你的决定将代替规则判定，直到有人取消。系统会记录你的姓名和理由，维修单据上显示为“特批”。</translation>
    </message>
    <message>
        <source>Required: goodwill, wrong purchase date…</source>
        <translation>必填：特批、购买日期有误…</translation>
    </message>
    <message>
        <source>New coverage</source>
        <translation>改为</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>改判</translation>
    </message>
    <message>
        <source>Say why the coverage is overridden.</source>
        <translation>请说明改判保修范围的理由。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PostEntryDialog</name>
    <message>
        <source>Post a ledger entry</source>
        <translation>记一笔账</translation>
    </message>
    <message>
        <source>Lowers what the customer owes (posted as a negative amount)</source>
        <translation>减少客户应付金额（记为负数）</translation>
    </message>
    <message>
        <source>yuan, e.g. 80 or 80.50</source>
        <translation>单位元，如 80 或 80.50</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(none: the counter)</source>
        <translation>（无：柜台）</translation>
    </message>
    <message>
        <source>order number, e.g. R0000123 (optional)</source>
        <translation>维修单号，如 R0000123（可不填）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>An entry can never be changed or deleted once posted: a mistake is corrected by reversing it.</source>
        <translation>账目一经记入便不能修改或删除；记错了请冲销。</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>记账</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>请输入金额。</translation>
    </message>
</context>
<context>
    <name>PriceItemDialog</name>
    <message>
        <source>New price list item</source>
        <translation>新增价目</translation>
    </message>
    <message>
        <source>Edit price list item</source>
        <translation>修改价目</translation>
    </message>
    <message>
        <source>e.g. PICKUP-ROLLER (cannot change later)</source>
        <translation>如 PICKUP-ROLLER（保存后不能更改）</translation>
    </message>
    <message>
        <source>As printed on the receipt, e.g. 搓纸轮 更换</source>
        <translation>单据上打印的名称，如 搓纸轮 更换</translation>
    </message>
    <message>
        <source>yuan, e.g. 80 or 80.50</source>
        <translation>元，如 80 或 80.50</translation>
    </message>
    <message>
        <source>Points (分值) the technician earns for this job in the settlement</source>
        <translation>技术员结算时此项工作所得的分值</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit price (¥)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Points (分值)</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A code never changes: old orders refer to it.</source>
        <translation>编码不能更改：以往的维修单引用了它。</translation>
    </message>
</context>
<context>
    <name>PriceItemPicker</name>
    <message>
        <source>Add from the price list</source>
        <translation>从价目表添加</translation>
    </message>
    <message>
        <source>Type a code or part of a name, then ↓ or Enter</source>
        <translation>输入编码或名称的一部分，再按 ↓ 或回车</translation>
    </message>
    <message>
        <source>Use this item</source>
        <translation>使用此项</translation>
    </message>
    <message>
        <source>No active item matches “{0}”.</source>
        <translation>没有与“{0}”匹配的在用价目。</translation>
    </message>
    <message>
        <source>The price list is empty: the owner fills it on the Price list page. Use “Add line” to type a line by hand.</source>
        <translation>价目表是空的：由老板在“价目表”页面填写。可以用“添加”手动输入费用项。</translation>
    </message>
</context>
<context>
    <name>PriceItemsModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No (inactive)</source>
        <translation>否（已停用）</translation>
    </message>
</context>
<context>
    <name>PriceListPage</name>
    <message>
        <source>Search by code or name</source>
        <translation>按编码或名称搜索</translation>
    </message>
    <message>
        <source>Show inactive items</source>
        <translation>显示已停用的价目</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>新增价目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>New price list item</source>
        <translation>新增价目</translation>
    </message>
    <message>
        <source>Edit price list item</source>
        <translation>修改价目</translation>
    </message>
    <message>
        <source>The price list is empty. Add your standard services and parts with “Add item…”; they fill order lines in one click.</source>
        <translation>价目表是空的。用“新增价目…”添加常用服务和配件，开单时一键填入费用项。</translation>
    </message>
    <message>
        <source>No item matches “{0}”.</source>
        <translation>没有与“{0}”匹配的价目。</translation>
    </message>
    <message>
        <source>Showing the first {0} items: type a code or name to narrow the list.</source>
        <translation>只显示前 {0} 项：输入编码或名称以缩小范围。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Saved {0} {1}.</source>
        <translation>已保存 {0} {1}。</translation>
    </message>
    <message>
        <source>{0} is offered again on new lines.</source>
        <translation>{0} 已重新启用，可用于新的费用项。</translation>
    </message>
    <message>
        <source>{0} deactivated: no longer offered on new lines; old orders keep it.</source>
        <translation>{0} 已停用：新的费用项不再提供，以往维修单不受影响。</translation>
    </message>
    <message>
        <source>{0} deactivated: no longer offered on new lines; old orders keep it. Tick “Show inactive items” to see it again.</source>
        <translation>{0} 已停用：新的费用项不再提供，以往维修单不受影响。勾选“显示已停用的价目”可再看到它。</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Repair receipt (for the customer to sign)</source>
        <translation>维修回执单（客户签字）</translation>
    </message>
    <message>
        <source>Intake slip — customer copy</source>
        <translation>受理单 — 客户联</translation>
    </message>
    <message>
        <source>Intake slip — technician copy</source>
        <translation>受理单 — 维修联</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 毫米小票卷纸</translation>
    </message>
    <message>
        <source>Chinese (with English labels)</source>
        <translation>中文（附英文标注）</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Print a receipt</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <source>The shop&apos;s usual paper is set in Settings; this changes only this print</source>
        <translation>本店常用纸张在“设置”中设定；这里只改变本次打印</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Choose the printer, then print (the print is logged on the order)</source>
        <translation>选择打印机后打印（打印会记录在工单上）</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Language on paper</source>
        <translation>单据语言</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Print a receipt — {0}</source>
        <translation>打印单据 — {0}</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <source>This will be printed as a COPY: this receipt of {0} was printed before.</source>
        <translation>将作为“副本”打印：{0} 的这张单据以前打印过。</translation>
    </message>
    <message>
        <source>Print {0}</source>
        <translation>打印 {0}</translation>
    </message>
    <message>
        <source>The printer “{0}” could not be started. Check that it is on and connected, then print again.</source>
        <translation>无法启动打印机“{0}”。请检查打印机已开机并已连接，然后重新打印。</translation>
    </message>
    <message>
        <source>Sent to {0}.</source>
        <translation>已发送到 {0}。</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>将单据另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <source>Goodwill: {reason}</source>
        <translation>优惠（通融）：{reason}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义期间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Week review</source>
        <translation>周回顾</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the figures again (F5)</source>
        <translation>重新读取数据 (F5)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Excel 工作簿…</translation>
    </message>
    <message>
        <source>PDF file…</source>
        <translation>PDF 文件…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to export yet: wait for the figures.</source>
        <translation>还没有可导出的内容：请等数据读取完成。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <source>Could not write the file: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
    <message>
        <source>Not dispatched in time</source>
        <translation>未按时派单</translation>
    </message>
    <message>
        <source>On-site orders still not dispatched after the dispatch limit</source>
        <translation>超过派单时限仍未派出的上门维修单</translation>
    </message>
    <message>
        <source>No technician in time</source>
        <translation>未按时分配维修员</translation>
    </message>
    <message>
        <source>Dispatched orders still without a technician after the assignment limit</source>
        <translation>已派单但超过分配时限仍无维修员的维修单</translation>
    </message>
    <message>
        <source>Missed appointments</source>
        <translation>错过的预约</translation>
    </message>
    <message>
        <source>Appointment time passed (15 minutes&apos; grace) and the work has not started</source>
        <translation>预约时间已过（宽限 15 分钟）且尚未开始维修</translation>
    </message>
    <message>
        <source>Unresolved, to re-dispatch</source>
        <translation>未修复，待重新派单</translation>
    </message>
    <message>
        <source>Orders marked unresolved that wait to be dispatched again</source>
        <translation>标记为未修复、等待重新派单的维修单</translation>
    </message>
    <message>
        <source>Unclaimed devices</source>
        <translation>无人领取的设备</translation>
    </message>
    <message>
        <source>Bench devices ready for pickup longer than the reminder days</source>
        <translation>送修设备修好待取已超过提醒天数</translation>
    </message>
    <message>
        <source>Complaints past 24 hours</source>
        <translation>超过 24 小时的投诉</translation>
    </message>
    <message>
        <source>Complaints still open or in hand 24 hours after they came in</source>
        <translation>收到 24 小时后仍未处理完的投诉</translation>
    </message>
    <message>
        <source>Follow-up calls due</source>
        <translation>待回访电话</translation>
    </message>
    <message>
        <source>Calls the follow-up list shows now</source>
        <translation>回访列表当前显示的电话</translation>
    </message>
    <message>
        <source>Appointments today</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <source>On-site appointments set for today</source>
        <translation>预约在今天的上门维修</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取件</translation>
    </message>
    <message>
        <source>Bench devices waiting for their customer</source>
        <translation>等待客户取回的送修设备</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <source>Orders carried over by an earlier day close, not yet done</source>
        <translation>之前日结时结转、尚未完成的维修单</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未结维修单</translation>
    </message>
    <message>
        <source>Every order not yet closed or cancelled</source>
        <translation>所有尚未关闭或取消的维修单</translation>
    </message>
    <message>
        <source>Click a number to open its list.</source>
        <translation>点击数字即可打开对应列表。</translation>
    </message>
    <message>
        <source>Needs attention now</source>
        <translation>需要立即处理</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Open orders in this state</source>
        <translation>处于此状态的未结维修单</translation>
    </message>
    <message>
        <source>Open orders by state</source>
        <translation>未结维修单（按状态）</translation>
    </message>
    <message>
        <source>Today, {0} · as of {1}</source>
        <translation>今日 {0} · 截至 {1}</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} 个已逾期</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The period before (Alt+Left)</source>
        <translation>上一期间 (Alt+左)</translation>
    </message>
    <message>
        <source>The period after (Alt+Right)</source>
        <translation>下一期间 (Alt+右)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0}天{1}小时</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0}小时{1}分</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0}分钟</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>{0} in the list. Double-click a line to open it.</source>
        <translation>共 {0} 条。双击一行即可打开。</translation>
    </message>
    <message>
        <source>Nothing in this list any more.</source>
        <translation>此列表已没有内容。</translation>
    </message>
    <message>
        <source>Orders reported: {0} · closed: {1} · charged on closed orders: {2}</source>
        <translation>报修单：{0} · 已关闭：{1} · 已关闭维修单收费：{2}</translation>
    </message>
    <message>
        <source>Charged and covered by kind</source>
        <translation>按类别的收费与保修承担</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>保修承担</translation>
    </message>
    <message>
        <source>No orders were closed in this period</source>
        <translation>此期间没有关闭的维修单</translation>
    </message>
    <message>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Charged to customers</source>
        <translation>客户付费</translation>
    </message>
    <message>
        <source>Who paid for the work</source>
        <translation>维修费用由谁承担</translation>
    </message>
    <message>
        <source>No closed orders</source>
        <translation>没有已关闭的维修单</translation>
    </message>
    <message>
        <source>Orders per month, {0} to {1}</source>
        <translation>每月维修单，{0} 至 {1}</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Most frequent faults</source>
        <translation>最常见故障</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Most frequent device models</source>
        <translation>最常见设备型号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Charged after discounts</source>
        <translation>优惠后收费</translation>
    </message>
    <message>
        <source>Charged by kind (orders closed in the period)</source>
        <translation>按类别收费（本期关闭的维修单）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Before tax. Covered lines are what warranty, contracts, rentals and repair warranty paid for.</source>
        <translation>税前金额。保修承担部分由保修期、服务合同、租赁和返修保修支付。</translation>
    </message>
    <message>
        <source>Covered versus charged, by coverage</source>
        <translation>保修承担与收费（按保修类型）</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>保修类型</translation>
    </message>
    <message>
        <source>Orders closed</source>
        <translation>已关闭维修单</translation>
    </message>
    <message>
        <source>Charged (ledger)</source>
        <translation>收费（台账）</translation>
    </message>
    <message>
        <source>Collected (payments less refunds)</source>
        <translation>实收（收款减退款）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Payments: {0}</source>
        <translation>收款：{0}</translation>
    </message>
    <message>
        <source>Money in the ledger (dated in the period)</source>
        <translation>台账金额（本期日期）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>The last twelve months</source>
        <translation>近十二个月</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>No orders were reported in this period.</source>
        <translation>此期间没有报修。</translation>
    </message>
    <message>
        <source>Dispatched within {0} minutes</source>
        <translation>{0} 分钟内派单</translation>
    </message>
    <message>
        <source>Assigned within {0} minutes</source>
        <translation>{0} 分钟内分配维修员</translation>
    </message>
    <message>
        <source>Dispatch and assignment (on-site orders)</source>
        <translation>派单与分配（上门维修）</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>总数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Orders still waiting past the limit count as late.</source>
        <translation>超过时限仍在等待的维修单算作超时。</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Lost: no order for {0} months</source>
        <translation>流失：{0} 个月无维修单</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Nothing was resolved or marked unresolved in this period, and no follow-up call reached a customer. Pick another period above.</source>
        <translation>此期间没有修复或标记为未修复的维修单，也没有接通的回访电话。请在上方选择其他期间。</translation>
    </message>
    <message>
        <source>Resolved: {0} · unresolved: {1} · repeat repairs: {2} · median time to resolve: {3}</source>
        <translation>已修复：{0} · 未修复：{1} · 返修：{2} · 修复用时中位数：{3}</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>Work per technician</source>
        <translation>各维修员工作量</translation>
    </message>
    <message>
        <source>Customers&apos; answers per technician</source>
        <translation>各维修员的客户回访评价</translation>
    </message>
    <message>
        <source>Work per region</source>
        <translation>各区域工作量</translation>
    </message>
    <message>
        <source>Customers&apos; answers per region</source>
        <translation>各区域的客户回访评价</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Repeat repairs</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>Nothing resolved or unresolved in this period</source>
        <translation>此期间没有修复或未修复的维修单</translation>
    </message>
    <message>
        <source>Average score (1–5)</source>
        <translation>平均评分（1–5）</translation>
    </message>
    <message>
        <source>All scores</source>
        <translation>全部评分</translation>
    </message>
    <message>
        <source>No follow-up call reached a customer in this period</source>
        <translation>此期间没有接通的回访电话</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>修复用时中位数</translation>
    </message>
    <message>
        <source>Repeat repairs are counted against the technician of the earlier repair; unresolved against whoever recorded it.</source>
        <translation>返修计入上次维修的维修员；未修复计入登记人。</translation>
    </message>
    <message>
        <source>Arrival calls</source>
        <translation>到达回访</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>From the follow-up calls that reached the customer: arrival (stage A) on time when timeliness scored 3 or more; scores 1–5.</source>
        <translation>来自接通的回访电话：到达回访（A 阶段）及时性评分 3 分及以上算准时；评分 1–5。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New password for {0}</source>
        <translation>为 {0} 设置新密码</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>{0} signs in with this from now on; it also lifts a lock after wrong passwords.</source>
        <translation>{0} 今后用这个密码登录；如果因密码错误被锁定，也会同时解锁。</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>新密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>At least {0} characters, or a PIN of at least {1} digits.</source>
        <translation>至少 {0} 个字符，或至少 {1} 位数字的 PIN 码。</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>至少 {0} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse entry No. {0}</source>
        <translation>冲销第 {0} 号账目</translation>
    </message>
    <message>
        <source>Entry No. {0} ({1}, {2}, {3}) stays in the ledger. A reversing entry of {4} is posted today, linked to it, so the two cancel out. A reversal cannot itself be reversed.</source>
        <translation>第 {0} 号账目（{1}，{2}，{3}）仍保留在账中。今天记入一笔 {4} 的冲销账目并与之关联，两者相互抵消。冲销账目本身不能再冲销。</translation>
    </message>
    <message>
        <source>Why, e.g. typed 800 instead of 80</source>
        <translation>原因，如：80 误输为 800</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Post reversal</source>
        <translation>记冲销</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Front desk</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>维修组长</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Shop header (printed on every receipt)</source>
        <translation>店铺抬头（打印在每张单据上）</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>不用标志</translation>
    </message>
    <message>
        <source>Repair warranty terms printed on the repair receipt</source>
        <translation>打印在维修回执单上的维修保修条款</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Receipt terms</source>
        <translation>单据条款</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>80 mm receipt printer</source>
        <translation>80 毫米小票打印机</translation>
    </message>
    <message>
        <source>Repair warranty</source>
        <translation>维修保修期</translation>
    </message>
    <message>
        <source>Dispatch within</source>
        <translation>派单时限</translation>
    </message>
    <message>
        <source>Assign within</source>
        <translation>分配时限</translation>
    </message>
    <message>
        <source>List devices not picked up after</source>
        <translation>设备逾期未取的天数</translation>
    </message>
    <message>
        <source>Tax on charges</source>
        <translation>收费税率</translation>
    </message>
    <message>
        <source>Receipt layout</source>
        <translation>单据版式</translation>
    </message>
    <message>
        <source>Technician allowances (settlement)</source>
        <translation>维修员补贴（结算）</translation>
    </message>
    <message>
        <source>Travel allowance per on-site visit (¥)</source>
        <translation>每次上门差费（元）</translation>
    </message>
    <message>
        <source>Fuel allowance per km (¥)</source>
        <translation>每公里油费（元）</translation>
    </message>
    <message>
        <source>Follow-up calls and customer care</source>
        <translation>回访与客户关怀</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Empty: the built-in script is shown</source>
        <translation>留空则显示内置话术</translation>
    </message>
    <message>
        <source>Progress call when a repair is open for</source>
        <translation>维修持续多久后进行过程回访</translation>
    </message>
    <message>
        <source>Call contract and rental customers every</source>
        <translation>合同及租抄客户回访间隔</translation>
    </message>
    <message>
        <source>Customer counts as lost after no order for</source>
        <translation>多久无报修视为流失客户</translation>
    </message>
    <message>
        <source>Call script (satisfied)</source>
        <translation>回访话术（满意）</translation>
    </message>
    <message>
        <source>Call script (unsatisfied)</source>
        <translation>回访话术（不满意）</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Empty: the backups folder beside the database</source>
        <translation>留空则使用数据库旁的 backups 文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Backup folder (e.g. a USB disk)</source>
        <translation>备份文件夹（如 U 盘）</translation>
    </message>
    <message>
        <source>Keep the last daily backups</source>
        <translation>保留最近的每日备份数</translation>
    </message>
    <message>
        <source>Keep the last monthly backups</source>
        <translation>保留最近的每月备份数</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Connect to shop server…</source>
        <translation>连接店铺服务器…</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Only the owner can change these settings.</source>
        <translation>只有负责人可以修改这些设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>选择备份文件夹</translation>
    </message>
    <message>
        <source>Choose the shop logo</source>
        <translation>选择店铺标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>This file is not an image ShopDesk can read.</source>
        <translation>ShopDesk 无法读取此图片文件。</translation>
    </message>
    <message>
        <source>(no logo)</source>
        <translation>（无标志）</translation>
    </message>
</context>
<context>
    <name>SettlementTab</name>
    <message>
        <source>Jobs done</source>
        <translation>完成工单</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>On-site visits</source>
        <translation>上门次数</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <source>Travel allowance (差费)</source>
        <translation>差费</translation>
    </message>
    <message>
        <source>Fuel allowance (油费)</source>
        <translation>油费</translation>
    </message>
    <message>
        <source>Fees collected</source>
        <translation>收取费用</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>已上交</translation>
    </message>
    <message>
        <source>Cash still held</source>
        <translation>未上交现金</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结算余额</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <source> km</source>
        <translation> 公里</translation>
    </message>
    <message>
        <source>Kilometres driven in the period, from the logbook; by default the travel the technician recorded on the jobs</source>
        <translation>期间行驶的公里数，按行车记录填写；默认为维修员在工单上记录的里程</translation>
    </message>
    <message>
        <source>Use the jobs&apos; recorded travel</source>
        <translation>使用工单记录的里程</translation>
    </message>
    <message>
        <source>Balance = travel + fuel allowances − cash still held. Negative: the technician owes the shop.</source>
        <translation>结算余额 = 差费 + 油费 − 未上交现金。为负数时，维修员应向店里交回。</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>No job was resolved and closed by this technician in the period.</source>
        <translation>该维修员在本期间没有完成并结单的工单。</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Choose a technician…</source>
        <translation>选择维修员…</translation>
    </message>
    <message>
        <source>Choose a technician and a period to see the statement.</source>
        <translation>选择维修员和期间以查看结算单。</translation>
    </message>
    <message>
        <source>{0} × {1} per visit</source>
        <translation>{0} 次 × 每次 {1}</translation>
    </message>
    <message>
        <source>{0} km × {1} per km</source>
        <translation>{0} 公里 × 每公里 {1}</translation>
    </message>
    <message>
        <source>as approved</source>
        <translation>按审批数</translation>
    </message>
    <message>
        <source>recorded on the jobs</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <source>typed in (the jobs recorded {0} km)</source>
        <translation>手工填写（工单记录 {0} 公里）</translation>
    </message>
    <message>
        <source>Approved on {0} by {1}. These are the approved figures; their allowances are in the ledger.</source>
        <translation>{1} 于 {0} 审批。以下为审批时的数字，补贴已记入台账。</translation>
    </message>
    <message>
        <source>Not approved yet: the figures below are as of now.</source>
        <translation>尚未审批：以下为截至目前的数字。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{0}  (no rate set in Settings)</source>
        <translation>{0}（设置中未设补贴标准）</translation>
    </message>
    <message>
        <source>Approve the settlement?</source>
        <translation>审批结算？</translation>
    </message>
    <message>
        <source>Approve the settlement of {0} for {1} to {2}?

This posts the travel allowance ({3}) and the fuel allowance ({4}) to the ledger, once. The period cannot be settled again.</source>
        <translation>审批 {0} 在 {1} 至 {2} 的结算？

差费（{3}）和油费（{4}）将记入台账，只记一次。该期间不能再次结算。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Already approved: nothing was posted again.</source>
        <translation>已审批过：没有重复记账。</translation>
    </message>
    <message>
        <source>Approved. {0} allowance entries posted to the ledger, {1} in all.</source>
        <translation>已审批。已向台账记入 {0} 笔补贴，共 {1}。</translation>
    </message>
    <message>
        <source>Could not write the file: {0}</source>
        <translation>无法写入文件：{0}</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the statement</source>
        <translation>保存结算单</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Sign in to ShopDesk</source>
        <translation>登录 ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk</source>
        <translation>ShopDesk</translation>
    </message>
    <message>
        <source>{0} is signed in now. Cancel keeps them signed in.</source>
        <translation>当前登录的是 {0}。点“取消”则保持其登录。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Add a person</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>编辑 {0}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>used to sign in, e.g. xiaoli</source>
        <translation>用于登录，例如 xiaoli</translation>
    </message>
    <message>
        <source>the area they serve</source>
        <translation>负责的区域</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation>区域(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>At least {0} characters, or a PIN of at least {1} digits.</source>
        <translation>至少 {0} 个字符，或至少 {1} 位数字的 PIN 码。</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>至少 {0} 个字符。</translation>
    </message>
    <message>
        <source>Type the person&apos;s name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>Choose a user name.</source>
        <translation>请设置用户名。</translation>
    </message>
    <message>
        <source>The user name cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffList</name>
    <message>
        <source>&amp;Add person…</source>
        <translation>添加员工(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重设密码(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>Show people who &amp;left</source>
        <translation>显示已离职人员(&amp;L)</translation>
    </message>
    <message>
        <source>Technicians and team leads appear in the assignment lists. People who left are deactivated, never deleted: their orders and history stay.</source>
        <translation>维修员和维修组长会出现在派单列表中。离职人员只停用、不删除：他们的维修单和历史记录都会保留。</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <source>{0} added. They sign in with the user name {1}.</source>
        <translation>已添加 {0}，登录用户名为 {1}。</translation>
    </message>
    <message>
        <source>{0} saved.</source>
        <translation>{0} 已保存。</translation>
    </message>
    <message>
        <source>{0} is active again and can sign in.</source>
        <translation>{0} 已重新启用，可以登录。</translation>
    </message>
    <message>
        <source>{0} is deactivated: they can no longer sign in; their history stays.</source>
        <translation>{0} 已停用：不能再登录，历史记录保留。</translation>
    </message>
    <message>
        <source>New password set for {0}.</source>
        <translation>已为 {0} 设置新密码。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Left (inactive)</source>
        <translation>已离职（停用）</translation>
    </message>
    <message>
        <source>Locked ({0} min)</source>
        <translation>已锁定（{0} 分钟）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>已拨打</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>回访数</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>维修单</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Within 24 h</source>
        <translation>24 小时内解决</translation>
    </message>
    <message>
        <source>Average hours to resolve</source>
        <translation>平均处理时长（小时）</translation>
    </message>
    <message>
        <source>Calls by stage</source>
        <translation>各阶段回访</translation>
    </message>
    <message>
        <source>Average scores per technician (1–5)</source>
        <translation>各维修员平均得分（1–5）</translation>
    </message>
    <message>
        <source>Unsatisfied answers, with cause and fix</source>
        <translation>不满意回访及原因、整改措施</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>投诉分类统计</translation>
    </message>
    <message>
        <source>{0}: {1} calls due, {2} made, {3} reached; {4} unsatisfied; {5} complaints.</source>
        <translation>{0}：应回访 {1} 次，已拨打 {2} 次，接通 {3} 次；不满意 {4} 次；投诉 {5} 件。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(no technician)</source>
        <translation>（无维修员）</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Charged</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>已上交</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Allowances</source>
        <translation>补贴</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Unpaid orders</source>
        <translation>未付维修单</translation>
    </message>
    <message>
        <source>Cash technicians still hold</source>
        <translation>维修员未上交现金</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The period&apos;s totals</source>
        <translation>期间合计</translation>
    </message>
    <message>
        <source>Net of reversals. Unpaid orders: orders charged in the period that still owe money at its end. Cash still held: at the end of the period.</source>
        <translation>已扣除冲销。未付维修单：期间内收费、到期末仍有欠款的维修单。未上交现金：按期末计算。</translation>
    </message>
    <message>
        <source>Payments collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>柜台收款</translation>
    </message>
    <message>
        <source>By technicians</source>
        <translation>维修员收款</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Of which cash</source>
        <translation>其中现金</translation>
    </message>
    <message>
        <source>Cash still held</source>
        <translation>未上交现金</translation>
    </message>
    <message>
        <source>No technician collected, handed in or held cash in this period.</source>
        <translation>本期间没有维修员收款、交款或持有现金。</translation>
    </message>
    <message>
        <source>Per technician</source>
        <translation>按维修员</translation>
    </message>
    <message>
        <source>Adding up {0} to {1}…</source>
        <translation>正在汇总 {0} 至 {1}…</translation>
    </message>
    <message>
        <source>Tip: close past months (Month close tab). The cash figures then start from the last close instead of adding up the whole history, which keeps this page fast.</source>
        <translation>提示：请结账过去的月份（“月结与校验”页）。之后现金数字从最近一次月结算起，不必累加全部历史，本页会更快。</translation>
    </message>
    <message>
        <source>orders: {0}; still owed: {1}</source>
        <translation>单数：{0}；尚欠：{1}</translation>
    </message>
</context>
<context>
    <name>TechnicianPicker</name>
    <message>
        <source>Assign {0}</source>
        <translation>派工 {0}</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
</context>
<context>
    <name>WorkDialog</name>
    <message>
        <source>Work record — {0}</source>
        <translation>维修记录 — {0}</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (¥)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <source> km</source>
        <translation> 公里</translation>
    </message>
    <message>
        <source>Collected on the spot, e.g. 80.00</source>
        <translation>现场收取，如 80.00</translation>
    </message>
    <message>
        <source>(not collected)</source>
        <translation>（未收费）</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>维修内容</translation>
    </message>
    <message>
        <source>Parts used</source>
        <translation>使用配件</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>路程</translation>
    </message>
    <message>
        <source>Fee collected</source>
        <translation>现场收费</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Say how the fee was paid.</source>
        <translation>请注明收费方式。</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>New</source>
        <translation>新报修</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>Appointment set</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>Receipt returned</source>
        <translation>回执已交回</translation>
    </message>
    <message>
        <source>Callback confirmed</source>
        <translation>已回访确认</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收机</translation>
    </message>
    <message>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>维修中（送修）</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待取机</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已取机</translation>
    </message>
    <message>
        <source>Quote sent</source>
        <translation>已报价</translation>
    </message>
    <message>
        <source>Quote approved</source>
        <translation>客户同意报价</translation>
    </message>
    <message>
        <source>Quote declined</source>
        <translation>客户拒绝报价</translation>
    </message>
    <message>
        <source>Waiting for parts</source>
        <translation>等配件</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结单</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>By text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Signed quote</source>
        <translation>签字报价单</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修员</translation>
    </message>
    <message>
        <source>Appointment time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Dispatch to team lead</source>
        <translation>派给组长</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Dispatch to a technician</source>
        <translation>直接派给维修员</translation>
    </message>
    <message>
        <source>Assign technician</source>
        <translation>派工</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Set appointment</source>
        <translation>预约上门</translation>
    </message>
    <message>
        <source>Move or record missed appointment</source>
        <translation>改约或登记爽约</translation>
    </message>
    <message>
        <source>New appointment time</source>
        <translation>新的预约时间</translation>
    </message>
    <message>
        <source>The appointment was missed</source>
        <translation>预约未能按时到达</translation>
    </message>
    <message>
        <source>The customer was told</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <source>Customer confirmed appointment</source>
        <translation>客户已确认预约</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始维修</translation>
    </message>
    <message>
        <source>Start diagnosis</source>
        <translation>开始检测</translation>
    </message>
    <message>
        <source>Start repair</source>
        <translation>开始维修（送修）</translation>
    </message>
    <message>
        <source>Send quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Quoted amount</source>
        <translation>报价金额</translation>
    </message>
    <message>
        <source>How the customer answered</source>
        <translation>客户答复方式</translation>
    </message>
    <message>
        <source>Inspection fee</source>
        <translation>检测费</translation>
    </message>
    <message>
        <source>Wait for parts</source>
        <translation>等配件</translation>
    </message>
    <message>
        <source>Parts needed</source>
        <translation>所需配件</translation>
    </message>
    <message>
        <source>Parts arrived</source>
        <translation>配件已到</translation>
    </message>
    <message>
        <source>Signed receipt returned</source>
        <translation>交回签字回执</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Signed by the customer in person</source>
        <translation>由客户本人签字</translation>
    </message>
    <message>
        <source>Customer told at</source>
        <translation>通知客户时间</translation>
    </message>
    <message>
        <source>Customer told how</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <source>Picked up by</source>
        <translation>取机人</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>结单</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消维修单</translation>
    </message>
</context>
</TS>
