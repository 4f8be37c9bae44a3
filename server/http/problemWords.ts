// Problems in the reader's language. A problem is written in English where it is raised; its
// `code` is what a client branches on, and its title, detail and field messages are put into
// Chinese here, phrase by phrase, for a zh-CN reader — the decoders' messages and the business
// rules' refusals the deciders write. A sentence with no phrase below stays as it was written.
import type { Lang } from '../../core/incentives/calculate/describe';
import type { ProblemBody } from './problem';
import { sayBy, type Phrase } from '../../core/shared/phrases';
import { jsonMistakeZh } from '../jsonMistake';

const TITLES: Record<string, string> = {
  'Invalid input': '输入无效',
  'Malformed JSON': 'JSON 格式错误',
  Unauthorized: '未认证',
  Forbidden: '无权访问',
  'Not found': '未找到',
  'Method not allowed': '不支持该方法',
  'Request timeout': '请求超时',
  Conflict: '冲突',
  'Payload too large': '请求体过大',
  'Batch too large': '批量命令过多',
  'Unsupported media type': '不支持的媒体类型',
  'Business rule refused the command': '业务规则拒绝了该命令',
  'Too many requests': '请求过于频繁',
  'Too many streams': '打开的事件流过多',
  'Internal error': '内部错误',
  'Store unavailable': '事件存储暂不可用',
  'Not ready': '尚未就绪',
};

const NOUNS: Record<string, string> = {
  team: '团队',
  rep: '销售代表',
  customer: '客户',
  goal: '目标',
  scorecard: '考核表',
  training: '培训',
  'sales plan': '销售计划',
  campaign: '营销活动',
  contest: '竞赛',
  'action item': '行动项',
  'command type': '命令类型',
  command: '命令',
  key: '键',
  deal: '商机',
  plan: '提成方案',
  dispute: '申诉',
  appraisal: '考评',
  meeting: '会议',
  milestone: '里程碑',
  order: '订单',
  webhook: ' Webhook',
  expense: '费用',
  resource: '资源',
  contingency: '应急预案',
  colleague: '同事',
  lesson: '经验教训',
  contact: '联系记录',
  alert: '提醒',
  insight: '洞察',
  badge: '徽章',
  feedback: '反馈',
  stage: '阶段',
};

/** Why a webhook's URL points inside the network (webhooks/urlGuard.ts). */
const PRIVATE_URL_ZH: readonly Phrase[] = [
  [/^'(.+)' names this machine or a metadata service$/, (_, host) => `'${host}' 指向本机或元数据服务`],
  [/^(\S+) is a loopback, private, link-local or reserved address$/, (_, host) => `${host} 是回环、私有、链路本地或保留地址`],
  [/^'(.+)' does not resolve \((.+)\)$/, (_, host, code) => `'${host}' 无法解析（${code}）`],
  [/^'(.+)' resolves to (.+), a loopback, private, link-local or reserved address$/, (_, host, ip) => `'${host}' 解析为 ${ip}，这是回环、私有、链路本地或保留地址`],
];

/** A thing that is there already (a conflict, 409), as the deciders say it. */
const ALREADY_ZH: Readonly<Record<string, string>> = {
  'already exists': '已存在',
  'is already recorded': '已记录',
  'is already scheduled': '已安排',
  'is already logged': '已记录',
  'is already raised': '已发出',
  'was already awarded': '已颁发',
  'is already acknowledged': '已确认',
  'is already removed': '已移除',
  'is already registered': '已注册',
  'has already started': '已经开始',
};

/** Refusals of the deciders and the engine that the rule phrases below do not say: conflicts, splits, weights, who may act. */
const COMMAND_PHRASES: readonly Phrase[] = [
  [/^goal '([^']+)' already exists; change its target with ReviseGoal$/, (_, id) => `目标 '${id}' 已存在；请用 ReviseGoal 修改其目标值`],
  [/^([a-z][a-z ]*?) '([^']+)' is already on plan '([^']+)'$/, (_, what, id, plan) => `${noun(what)} '${id}' 已在方案 '${plan}' 中`],
  [/^expense '([^']+)' is already recorded on plan '([^']+)'$/, (_, id, plan) => `费用 '${id}' 已记在方案 '${plan}' 上`],
  [/^the attendance of rep '([^']+)' at (?:session '([^']+)' of )?training '([^']+)' is already recorded$/, (_, rep, session, training) => `销售代表 '${rep}' 在培训 '${training}'${session ? ` 的场次 '${session}'` : ''}的出勤已记录`],
  [/^webhook '([^']+)' is removed; register it under a new id$/, (_, id) => `Webhook '${id}' 已移除；请用新编号注册`],
  [/^([a-z][a-z ]*?) '([^']+)' (already exists|is already recorded|is already scheduled|is already logged|is already raised|was already awarded|is already acknowledged|is already removed|is already registered|has already started)$/, (_, what, id, how) => `${noun(what).trim()} '${id}' ${ALREADY_ZH[how]}`],
  [/^RecordSale needs repId or splits$/, () => 'RecordSale 需要 repId 或 splits'],
  [/^each (rep|owner|kpiId) may appear once$/, (_, what) => `每个${what === 'rep' ? '销售代表' : what === 'owner' ? '负责人' : ' kpiId '}只能出现一次`],
  [/^each rep may be invited once$/, () => '每个销售代表只能邀请一次'],
  [/^shares must sum to 1, they sum to (\S+)$/, (_, sum) => `份额之和必须为 1，实际为 ${sum}`],
  [/^KPI weights must sum to 1, they sum to (\S+)$/, (_, sum) => `KPI 权重之和必须为 1，实际为 ${sum}`],
  [/^weights are given only with method 'weights', not '(.*)'$/, (_, m) => `只有 method 为 'weights' 时才给权重，而不是 '${m}'`],
  [/^required with method 'weights': one weight for each of the (\d+) (.+)$/, (_, n, what) => `method 为 'weights' 时必填：${n} 个${what === 'owners' ? '负责人' : what}各一个权重`],
  [/^required when upheld: the non-zero adjustment \(in minor units, \+ paid to the rep, − taken back\) for the next open period$/, () => '维持申诉时必填：计入下一个未结期间的非零调整（以分计，+ 付给销售代表，− 收回）'],
  [/^only an upheld dispute carries an amount$/, () => '只有维持的申诉才带金额'],
  [/^the contest must end after it starts \(from (\S+), to (\S+)\)$/, (_, from, to) => `竞赛的结束必须晚于开始（from ${from}，to ${to}）`],
  [/^give either rank \(a place\) or atLeast \(a threshold\), exactly one$/, () => 'rank（名次）与 atLeast（门槛）必须给且只能给一个'],
  [/^statements are by month, quarter or year; '(.+)' is a (\w+)$/, (_, period, kind) => `结算单按月、季度或年；'${period}' 是${kindZh(kind)}`],
  [/^stage '(.+)' is listed twice$/, (_, stage) => `阶段 '${stage}' 列出了两次`],
  [/^holiday '(.+)' on (\S+) is listed twice$/, (_, name, day) => `节日 '${name}'（${day}）列出了两次`],
  [/^a (\S+) looks back on a (\w+), not on '(.+)'$/, (_, kind, want, period) => `${kind} 回顾的是${kindZh(want)}，不是 '${period}'`],
  [/^(\S+) is not an event type$/, (_, type) => `${type} 不是事件类型`],
  [/^a WeCom group robot is not signed \(its key in the URL is the secret\); leave secret out$/, () => '企业微信群机器人不用签名（URL 中的 key 就是密钥）；请不要给出 secret'],
  [/^an alert's id is its kind, subject and day or period: expected '(.*)', got '(.*)'$/, (_, want, got) => `提醒的编号由类型、对象和日期或期间组成：应为 '${want}'，实际为 '${got}'`],
  [/^cap must be above 0$/, () => 'cap 必须大于 0'],
  [/^a rep may send (\w+) only for their own data \(rep '(.*)'\)$/, (_, type, rep) => `销售代表只能为自己的数据发送 ${type}（销售代表 '${rep}'）`],
  [/^a rep may send (\w+) only within their own team(?: '([^']*)')?, not '(.*)'$/, (_, type, team, other) => `销售代表只能在自己的团队${team ? ` '${team}' ` : ''}内发送 ${type}，不能涉及 '${other}'`],
  [/^this manager token names no team$/, () => '该经理令牌没有指明团队'],
  [/^a manager may act only on their own team '(.*)', not '(.*)'$/, (_, team, other) => `经理只能操作自己的团队 '${team}'，不能操作 '${other}'`],
  [/^stream '(.+)' kept changing; try again$/, (_, s) => `事件流 '${s}' 一直在变化；请重试`],
  [/^this Idempotency-Key was already used with a different request body$/, () => '这个 Idempotency-Key 已用于另一个不同的请求体'],
  [/^(\w+) carries text that cannot be canonicalized \(RFC 8785\): (.+)$/, (_, type, why) => `${type} 含有无法规范化（RFC 8785）的文本：${why}`],
  [/^a command is an object \{ type, data \}$/, () => '命令应为对象 { type, data }'],
  [/^the command type is missing$/, () => '缺少命令类型'],
  [/^required: expected a command type$/, () => '必填：应为命令类型'],
  // a webhook URL that points inside (webhooks/vet.ts, urlGuard.ts)
  [/^(the webhook URL is )?refused: (.+) \(TALLY_WEBHOOK_ALLOW_PRIVATE=1 allows it\)$/, (_, url, why) => `${url ? 'Webhook 的 URL ' : ''}被拒绝：${sayBy(PRIVATE_URL_ZH, why) ?? why}（TALLY_WEBHOOK_ALLOW_PRIVATE=1 时允许）`],
  [/^a command cannot be recorded at (\S+): not an instant, or later than now \((\S+)\)$/, (_, at, now) => `命令不能记录在 ${at}：不是有效时间，或晚于现在（${now}）`],
];

const noun = (en: string) => NOUNS[en] ?? en;

const PERIOD_KIND_ZH: Readonly<Record<string, string>> = { year: '年', quarter: '季度', month: '月', week: '周', day: '日' };
const kindZh = (kind: string) => PERIOD_KIND_ZH[kind] ?? kind;

/** Why the server is busy computing an asOf answer (security/asOfLimit.ts). */
const BUSY_ZH: readonly Phrase[] = [
  [/^an asOf answer for '(.*)' is already being computed, and a caller computes one at a time$/, (_, sub) => `'${sub}' 的一个 asOf 回答正在计算，每个调用者一次只能计算一个`],
  [/^the server is already computing (\d+) asOf answers$/, (_, n) => `服务器已在计算 ${n} 个 asOf 回答`],
];

/** The checks of the request itself and of its query (routes, security/, auth.ts), before any command runs. */
const REQUEST_PHRASES: readonly Phrase[] = [
  [/^expected a list \[\{ "type": …, "data": \{ … \} \}, …\]$/, () => '应为列表 [{ "type": …, "data": { … } }, …]'],
  [/^expected an object \{ "type": …, "data": \{ … \} \}$/, () => '应为对象 { "type": …, "data": { … } }'],
  [/^expected 1 to (\d+) visible ASCII characters$/, (_, n) => `应为 1 到 ${n} 个可见的 ASCII 字符`],
  [/^expected a position, got (.+)$/, (_, got) => `应为日志位置，实际为 ${got}`],
  [/^required: one of (.+)$/, (_, list) => `必填：${list} 之一`],
  [/^required: the (earlier|later) recorded moment \(ISO instant with offset\)$/, (_, which) => `必填：${which === 'earlier' ? '较早' : '较晚'}的记录时间（带时区偏移的 ISO 时间）`],
  [/^must not be after to \((.+)\)$/, (_, why) => `不能晚于 to（${why}）`],
  [/^must not be before from \((.+)\)$/, (_, from) => `不能早于 from（${from}）`],
  [/^expected a metric name such as (\w+), got (.+)$/, (_, eg, got) => `应为指标名，如 ${eg}，实际为 ${got}`],
  [/^expected company, team:ID or rep:ID, got (.+)$/, (_, got) => `应为 company、team:编号或 rep:编号，实际为 ${got}`],
  [/^expected company, team:ID, rep:ID or a rep id, got (.+)$/, (_, got) => `应为 company、team:编号、rep:编号或销售代表编号，实际为 ${got}`],
  [/^a scorecard measures a month, a quarter or a year$/, () => '考核表按月、季度或年考核'],
  [/^scorecard '(.+)' measures a (\w+); '(.+)' is not one$/, (_, id, kind, period) => `考核表 '${id}' 按${kindZh(kind)}考核；'${period}' 不是${kindZh(kind)}`],
  [/^a review is of a month \(2026-06\), a quarter \(2026-Q2\) or a year \(2026\) of 1900–2999, not (.+)$/, (_, got) => `复盘的期间应为 1900–2999 年的月（2026-06）、季度（2026-Q2）或年（2026），不能是 ${got}`],
  [/^expected a (plan|team) id, got (.+)$/, (_, what, got) => `应为${what === 'plan' ? '方案' : '团队'}编号，实际为 ${got}`],
  [/^required with rankBy=score: the scorecard whose score ranks the reps$/, () => 'rankBy=score 时必填：按其得分给销售代表排名的考核表'],
  [/^expected a stream name such as (\S+)$/, (_, eg) => `应为事件流名称，如 ${eg}`],
  [/^expected a tag of at most (\d+) characters$/, (_, n) => `应为不超过 ${n} 个字符的标签`],
  [/^required: the id of the team whose capacity to measure$/, () => '必填：要计量产能的团队编号'],
  [/^plans pay by month, quarter or year; '(.+)' is a (\w+)$/, (_, period, kind) => `提成方案按月、季度或年结算；'${period}' 是${kindZh(kind)}`],
  [/^the plan pays by (\w+); give a (\w+), not '(.+)'$/, (_, kind, __, period) => `该方案按${kindZh(kind)}结算；请给出一个${kindZh(kind)}，而不是 '${period}'`],
  [/^the calendar covers at most (\d+) days; (\S+) to (\S+) is (\d+)$/, (_, max, from, to, span) => `日历最多覆盖 ${max} 天；${from} 至 ${to} 是 ${span} 天`],
  [/^unknown scorecard '(.+)' \(or none in force for (\S+)\)$/, (_, id, period) => `未知的考核表 '${id}'（或 ${period} 没有生效的考核表）`],
  [/^a (\w+) may not read this record$/, (_, role) => `${role} 不能读取这条记录`],
  [/^training '(.+)' has none of the reps a (\w+) may see$/, (_, id, role) => `培训 '${id}' 中没有 ${role} 能看到的销售代表`],
  [/^metrics are for an admin token or the scrape token TALLY_METRICS_TOKEN$/, () => '指标只供管理员令牌或抓取令牌 TALLY_METRICS_TOKEN 读取'],
  // the body and the connection
  [/^the request body ended before it was complete$/, () => '请求体没有发送完整就结束了'],
  [/^the request body did not arrive within (\d+) s$/, (_, n) => `请求体没有在 ${n} 秒内到达`],
  [/^the request body is larger than (\d+) bytes$/, (_, n) => `请求体超过 ${n} 字节`],
  [/^the JSON body is not valid UTF-8: it holds a byte sequence that is no character$/, () => 'JSON 请求体不是有效的 UTF-8：其中有不构成字符的字节序列'],
  [/^(?:the JSON body )?nests deeper than (\d+) levels$/, (_, n) => `JSON 请求体的嵌套超过 ${n} 层`],
  [/^(?:the JSON body )?holds a \\u escape that is half a surrogate pair, which is not text$/, () => 'JSON 请求体含有只有半个代理对的 \\u 转义，不是文本'],
  [/^is not valid UTF-8: it holds a byte sequence that is no character$/, () => '不是有效的 UTF-8：其中有不构成字符的字节序列'],
  // the server and its limits
  [/^the event store cannot take writes right now; nothing was recorded$/, () => '事件存储暂时不能写入；没有记录任何内容'],
  [/^something unexpected went wrong; the request may be retried$/, () => '发生了意外错误；可以重试该请求'],
  [/^this token already holds (\d+) open streams; close one or retry later$/, (_, n) => `该令牌已打开 ${n} 个事件流；请关闭一个或稍后重试`],
  [/^more than (\d+) requests a minute from '(.*)'; retry in (\d+) s$/, (_, n, sub, s) => `'${sub}' 每分钟的请求超过 ${n} 次；请在 ${s} 秒后重试`],
  [/^(.+); retry in (\d+) s \(an asOf answered before is cached and free\)$/, (_, busy, s) => `${sayBy(BUSY_ZH, busy) ?? busy}；请在 ${s} 秒后重试（回答过的 asOf 已缓存，不再计算）`],
  [/^shutting down: new requests go elsewhere$/, () => '正在关闭：新请求请发往别处'],
  [/^the event store does not answer: (.+)$/, (_, why) => `事件存储没有响应：${why}`],
  [/^replaying the event log into the read models$/, () => '正在把事件日志重放到读模型'],
  [/^loading the demo company$/, () => '正在载入演示公司'],
  // the token
  [/^send Authorization: Bearer <token>$/, () => '请发送 Authorization: Bearer <令牌>'],
  [/^a stream token is only good for GET \/api\/stream$/, () => '事件流令牌只能用于 GET /api/stream'],
  [/^the token lives longer than the (\d+) s a token may live here \(TALLY_TOKEN_MAX_TTL\)$/, (_, n) => `令牌的有效期超过了这里允许的 ${n} 秒（TALLY_TOKEN_MAX_TTL）`],
  [/^the token has expired$/, () => '令牌已过期'],
  [/^the token was revoked: tokens of its subject issued before (\S+) are refused; ask for a new one$/, (_, at) => `令牌已被吊销：该主体在 ${at} 之前签发的令牌一律拒绝；请申请新令牌`],
  [/^the token is not valid: (.+)$/, (_, why) => `令牌无效：${why}`],
  [/^the token is malformed or its signature is wrong$/, () => '令牌格式错误或签名不对'],
  [/^the token has no known role$/, () => '令牌没有已知的角色'],
  [/^the token team is not an id$/, () => '令牌的团队（team）不是有效编号'],
  [/^a manager token must name its team$/, () => '经理令牌必须指明其团队'],
];

/** Phrases of details and field messages, most specific first; `$n` are the captured parts. */
const PHRASES: readonly Phrase[] = [
  ...REQUEST_PHRASES,
  ...COMMAND_PHRASES,
  [/^unknown field$/, () => '未知字段'],
  [/^unknown ([a-z][a-z ]*?) '([^']*)'(.*)$/, (_, what, id, rest) => `未知的${noun(what)} '${id}'${rest}`],
  [/^no route for (\S+) (\S+)$/, (_, method, path) => `没有 ${method} ${path} 这个路由`],
  // before the general `required: …`, which would leave the example in English
  [/^required: a period id like .*$/, () => '必填：期间编号，如 2026、2026-Q3、2026-07、2026-W27 或 2026-07-15'],
  [/^required: expected (.+)$/, (_, what) => `必填：应为 ${what}`],
  [/^required: (.+)$/, (_, what) => `必填：${what}`],
  [/^expected an id \(letters, digits, _ \. : -; at most 64\), got (.+)$/, (_, got) => `应为编号（字母、数字、_ . : -，最多 64 个字符），实际为 ${got}`],
  [/^expected an ISO 8601 instant with an offset from −12:00 to \+14:00(.*?)(, got (.+))?$/, (_, eg, __, got) => `应为带时区偏移（−12:00 至 +14:00）的 ISO 8601 时间${eg}${got ? `，实际为 ${got}` : ''}`],
  [/^expected a real date YYYY-MM-DD, got (.+)$/, (_, got) => `应为存在的日期 YYYY-MM-DD，实际为 ${got}`],
  [/^expected a date YYYY-MM-DD \(in the deployment's time zone\), got (.+)$/, (_, got) => `应为日期 YYYY-MM-DD（部署时区），实际为 ${got}`],
  [/^expected a period id of a year 1900–2999 like .*, got (.+)$/, (_, got) => `应为 1900–2999 年的期间编号（如 2026、2026-Q3、2026-07、2026-W27、2026-07-15），实际为 ${got}`],
  [/^'(.+)' is not a period id of a year 1900–2999 .*$/, (_, got) => `'${got}' 不是 1900–2999 年的期间编号（2026、2026-Q3、2026-07、2026-W27、2026-07-15）`],
  [/^expected a (non-negative|positive) integer amount in minor units \(at most (\d+)\), got (.+)$/, (_, sign, max, got) => `应为以分计的${sign === 'positive' ? '正' : '非负'}整数金额（最多 ${max}），实际为 ${got}`],
  [/^expected an integer amount in minor units \(at most (\d+) either way\), got (.+)$/, (_, max, got) => `应为以分计的整数金额（正负最多 ${max}），实际为 ${got}`],
  [/^expected a (non-negative|positive) integer \(at most (\d+)\), got (.+)$/, (_, sign, max, got) => `应为${sign === 'positive' ? '正' : '非负'}整数（最多 ${max}），实际为 ${got}`],
  [/^expected a whole number ≥ (-?\d+), got (.+)$/, (_, min, got) => `应为不小于 ${min} 的整数，实际为 ${got}`],
  [/^expected one of (.+), got (.+)$/, (_, values, got) => `应为 ${values} 之一，实际为 ${got}`],
  [/^expected one of (.+)$/, (_, values) => `应为 ${values} 之一`],
  [/^expected at most (\d+) characters, got (\d+)$/, (_, max, got) => `最多 ${max} 个字符，实际为 ${got} 个`],
  [/^expected at least one visible character$/, () => '至少要有一个可见字符'],
  [/^expected text, got (.+)$/, (_, got) => `应为文本，实际为 ${got}`],
  [/^expected one line of text, got (.+)$/, (_, got) => `应为单行文本，实际含有 ${got}`],
  [/^expected text without control characters, got (.+)$/, (_, got) => `文本不能含控制字符，实际含有 ${got}`],
  [/^expected text without bidi overrides, got (.+)$/, (_, got) => `文本不能含双向控制字符，实际含有 ${got}`],
  [/^expected a list, got (.+)$/, (_, got) => `应为列表，实际为 ${got}`],
  [/^expected at least (\d+) item\(s\), got (\d+)$/, (_, min, got) => `至少 ${min} 项，实际为 ${got} 项`],
  [/^expected at most (\d+) items, got (\d+)$/, (_, max, got) => `最多 ${max} 项，实际为 ${got} 项`],
  [/^expected a decimal number, got (.+)$/, (_, got) => `应为十进制数，实际为 ${got}`],
  [/^expected an object (\S+)$/, (_, what) => `应为 ${what} 对象`],
  [/^expected (\S+), got (.+)$/, (_, what, got) => `应为 ${what}，实际为 ${got}`],
  [/^(\S+) is invalid: (.+)$/, (_, what, list) => `${what} 无效：${list.split(/; (?=[\w.()]+: )/).map(fieldLine).join('；')}`],
  [/^the (\w+) role may not send (\w+)$/, (_, role, type) => `${role} 角色不能发送 ${type}`],
  [/^the (\w+) role may not (call|read) (.+)$/, (_, role, __, what) => `${role} 角色不能访问 ${what}`],
  [/^an embed \(viewer\) token is read-only$/, () => '嵌入（viewer）令牌只能读取'],
  [/^a (\w+) may read only (.+), not (.+)$/, (_, role, own, what) => `${role} 只能读取${own}，不能读取 ${what}`],
  [/^send the (command|simulation) as application\/json$/, () => '请以 application/json 发送'],
  [/^the body is not valid JSON(: .*)?$/, () => '请求体不是有效的 JSON'],
  [/^malformed JSON$/, () => 'JSON 格式错误'],
  [/^the token has no subject$/, () => '令牌没有主体（sub）'],
  [/^a rep token's subject is its repId \(letters, digits and _ \. : -, at most 64\)$/, () => '销售代表令牌的主体是其 repId（字母、数字和 _ . : -，最多 64 个字符）'],
  [/^the token subject is not one line of text of at most (\d+) characters without control characters or bidi overrides$/, (_, n) => `令牌主体不是不超过 ${n} 个字符、不含控制字符和双向控制字符的单行文本`],
  [/^the list price times the units is too large$/, () => '标价乘以数量过大'],
  [/^the order total is too large$/, () => '订单总额过大'],
  // an imported line that does not parse, and where (jsonMistake.ts)
  [/^not JSON: (.*)$/, (_, why) => `不是有效的 JSON：${jsonMistakeZh(why)}`],
  [/^StartCampaign needs a channel or a promotionId$/, () => 'StartCampaign 需要渠道（channel）或促销（promotionId）'],
  [/^required: give a channel or a promotionId, so sales can be credited to the campaign$/, () => '必填：请给出渠道或促销编号，销售才能计入该营销活动'],
  [/^a batch holds at most (\d+) commands, this one has (\d+)$/, (_, max, got) => `一批最多 ${max} 条命令，本批有 ${got} 条`],
];

const UNIT_ZH: Record<string, string> = { day: '天', hour: '小时', minute: '分钟', second: '秒' };
const KIND_ZH: Record<string, string> = { year: '年', quarter: '季度', month: '月', week: '周', day: '日' };

/** Business-rule refusals (422), by the sentences the deciders write; the `rule` code is the same in either language. */
const RULE_PHRASES: readonly Phrase[] = [
  [/^(\S+) (\S+) is in the future: a fact can be recorded at most (\d+) (day|hour|minute|second)s? ahead of now \((\S+)\); record it when it has happened$/, (_, path, at, n, unit, now) => `${path} ${at} 在将来：事实最多只能比现在（${now}）提前 ${n} ${UNIT_ZH[unit]}记录；请在它发生后再记录`],
  [/^occurredAt (\S+) is outside the plan's period (\S+): record the expense on a plan of the period it was spent in$/, (_, at, period) => `occurredAt ${at} 不在计划期间 ${period} 内：请把费用记在其发生期间的计划上`],
  [/^a rep cannot leave \((\S+)\) before joining \((\S+)\)$/, (_, left, joined) => `销售代表不能在入职（${joined}）之前离职（${left}）`],
  [/^before joinedAt (\S+)$/, (_, joined) => `早于入职时间 ${joined}`],
  [/^rep '([^']+)' left at (\S+): a sale at (\S+) cannot be credited to them$/, (_, rep, left, at) => `销售代表 '${rep}' 已于 ${left} 离职：${at} 的销售不能计入其名下`],
  [/^rep '([^']+)' left at (\S+)$/, (_, rep, left) => `销售代表 '${rep}' 已于 ${left} 离职`],
  [/^left at (\S+)$/, (_, left) => `已于 ${left} 离职`],
  [/^rep '([^']+)' was already removed \(left at (\S+)\)$/, (_, rep, left) => `销售代表 '${rep}' 已被移除（于 ${left} 离职）`],
  [/^team '([^']+)' is already called '([^']*)'$/, (_, team, name) => `团队 '${team}' 已叫 '${name}'`],
  [/^the same as the current name$/, () => '与当前名称相同'],
  [/^give (\w+) or (\w+), not both$/, (_, a, b) => `${a} 与 ${b} 只能给一个`],
  [/^give either (\w+) or (\w+), not both$/, (_, a, b) => `${a} 与 ${b} 只能给一个`],
  [/^rep '([^']+)' is already in team '([^']+)'$/, (_, rep, team) => `销售代表 '${rep}' 已在团队 '${team}' 中`],
  [/^a refund of (\d+) is more than the (\d+) left to refund on order '([^']+)' \(sold (\d+), refunded (\d+)\)$/, (_, amount, left, order, sold, refunded) => `退款 ${amount} 超过订单 '${order}' 剩余可退的 ${left}（售出 ${sold}，已退 ${refunded}）`],
  [/^a refund cannot occur \((\S+)\) before its sale \((\S+)\)$/, (_, at, sale) => `退款（${at}）不能早于其销售（${sale}）`],
  [/^the (\S+) statement of rep '([^']+)' is already approved \(hash (\w+)\); later changes appear as adjustments in the next open period$/, (_, period, rep, hash) => `销售代表 '${rep}' 的 ${period} 结算单已批准（哈希 ${hash}）；之后的变动会作为调整计入下一个未结期间`],
  [/^the (\S+) statement of rep '([^']+)' changed since it was read \(its hash is now (\w+)\); read it again and approve what you see$/, (_, period, rep, hash) => `销售代表 '${rep}' 的 ${period} 结算单在读取后已变化（现在的哈希为 ${hash}）；请重新读取，批准所见的内容`],
  [/^the (\S+) statement of rep '([^']+)' has no line '([^']+)' \(lines: (.+)\)$/, (_, period, rep, line, lines) => `销售代表 '${rep}' 的 ${period} 结算单没有明细行 '${line}'（明细行：${lines === 'none' ? '无' : lines}）`],
  [/^dispute '([^']+)' was already resolved \((\w+)\)$/, (_, id, status) => `申诉 '${id}' 已处理（${status}）`],
  [/^the update changes nothing on customer '([^']+)'$/, (_, id) => `此次更新没有改变客户 '${id}' 的任何信息`],
  [/^rep '([^']+)' already owns customer '([^']+)'$/, (_, rep, customer) => `销售代表 '${rep}' 已是客户 '${customer}' 的负责人`],
  [/^define the pipeline stages \(SetPipelineStages\) before opening deals$/, () => '请先定义商机阶段（SetPipelineStages），再创建商机'],
  [/^'([^']+)' is not a pipeline stage; the stages are (.+)$/, (_, stage, stages) => `'${stage}' 不是商机阶段；阶段有 ${stages}`],
  [/^deal '([^']+)' is already (\w+)$/, (_, id, status) => `商机 '${id}' 已经${status === 'won' ? '赢单' : status === 'lost' ? '丢单' : status}`],
  [/^deal '([^']+)' was opened at (\S+); nothing can happen to it before \((\S+)\)$/, (_, id, opened, at) => `商机 '${id}' 创建于 ${opened}；在此之前（${at}）不能对它做任何事`],
  [/^deal '([^']+)' is already in stage '([^']+)' with that amount and close date$/, (_, id, stage) => `商机 '${id}' 已处于阶段 '${stage}'，金额和成交日期也相同`],
  [/^milestone '([^']+)' is already completed$/, (_, id) => `里程碑 '${id}' 已完成`],
  [/^action item '([^']+)' was already completed on (\S+)$/, (_, id, at) => `行动项 '${id}' 已于 ${at} 完成`],
  [/^feedback '([^']+)' is already resolved$/, (_, id) => `反馈 '${id}' 已处理`],
  [/^feedback '([^']+)' is a satisfaction score; only complaints and suggestions are resolved$/, (_, id) => `反馈 '${id}' 是满意度评分；只有投诉和建议需要处理`],
  [/^feedback '([^']+)' was raised at (\S+); it cannot be resolved before \((\S+)\)$/, (_, id, raised, at) => `反馈 '${id}' 提出于 ${raised}；不能在此之前（${at}）处理`],
  [/^a goal cannot be its own parent$/, () => '目标不能是自己的上级目标'],
  [/^goal '([^']+)' already has the target (\d+)$/, (_, id, target) => `目标 '${id}' 的目标值已是 ${target}`],
  [/^goal '([^']+)' is already broken down; revise its children instead$/, (_, id) => `目标 '${id}' 已经分解；请改为修订其子目标`],
  [/^the contest's window ended at (\S+), before it was started \((\S+)\): a contest is started before its window closes$/, (_, to, at) => `竞赛的时间窗口已于 ${to} 结束，早于开始时间（${at}）：竞赛须在时间窗口结束前开始`],
  [/^(.+): set the reps' goals first, or rank by value$/, (_, why) => `${why}：请先为销售代表设定目标，或按数值排名`],
  [/^(.+): one goal per owner, metric and period — revise it instead$/, (_, which) => `${which}：每个负责人、指标和期间只能有一个目标——请改为修订它`],
  [/^(.+): one goal per owner, metric and period$/, (_, which) => `${which}：每个负责人、指标和期间只能有一个目标`],
  [/^a growth target over (\S+) \(a (\w+)\) cannot set a goal for (\S+): the baseline must be the same kind of period$/, (_, over, kind, period) => `以 ${over}（${KIND_ZH[kind] ?? kind}）为基数的增长目标不能用于 ${period}：基期必须是同类期间`],
  [/^Tally does not measure '([^']+)', so a growth target has no baseline; give the target as an amount$/, (_, m) => `Tally 不衡量 '${m}'，增长目标没有基数；请直接给出目标值`],
  [/^the actual (\w+) in (\S+) is (-?\d+), so growth over it gives no target; give the target as an amount$/, (_, m, over, v) => `${over} 的实际 ${m} 为 ${v}，据此增长无法得出目标；请直接给出目标值`],
  [/^goal '([^']+)' belongs to a rep; there is no one below a rep to cascade it to$/, (_, id) => `目标 '${id}' 属于销售代表；销售代表之下没有可以下达的对象`],
  [/^a goal cascades to teams or reps, not to the company$/, () => '目标只能下达给团队或销售代表，不能下达给全公司'],
  [/^a team goal cascades to the team's reps, not to (\S+)$/, (_, o) => `团队目标只能下达给本团队的销售代表，不能下达给 ${o}`],
  [/^the child goal id '([^']+)' would be longer than (\d+) characters; use a shorter goal id$/, (_, id, n) => `子目标编号 '${id}' 会超过 ${n} 个字符；请使用更短的目标编号`],
  [/^a (\w+) goal \((\S+)\) cannot be broken into (\w+)s: 'into' must be a shorter period than the goal's$/, (_, kind, period, into) => `${KIND_ZH[kind] ?? kind}目标（${period}）不能分解为${KIND_ZH[into] ?? into}：'into' 必须是比目标更短的期间`],
  [/^rep '([^']+)' is in team '([^']+)', not in '([^']+)'$/, (_, rep, team, other) => `销售代表 '${rep}' 属于团队 '${team}'，不属于 '${other}'`],
  [/^(\d+) (.+) need (\d+) weights; (\d+) were given$/, (_, n, what, __, given) => `${n} 个${what}需要 ${n} 个权重；实际给出 ${given} 个`],
  [/^the weights sum to zero; give at least one positive weight$/, () => '权重之和为零；请至少给出一个正权重'],
  [/^plan '([^']+)' belongs to team '([^']+)', so an insight linked to it is for that team, not for '([^']+)'$/, (_, plan, team, other) => `计划 '${plan}' 属于团队 '${team}'，关联它的洞察也属于该团队，而不是 '${other}'`],
  [/^rep '([^']+)' was not invited to training '([^']+)'$/, (_, rep, t) => `销售代表 '${rep}' 未受邀参加培训 '${t}'`],
  [/^attendance on (\S+) is before the training on (\S+)$/, (_, at, day) => `出席日期 ${at} 早于培训日期 ${day}`],
  [/^session '([^']+)' on (\S+) is before the training's date (\S+)$/, (_, id, day, date) => `课次 '${id}'（${day}）早于培训开始日期 ${date}`],
  [/^before the training's date (\S+)$/, (_, date) => `早于培训开始日期 ${date}`],
  [/^before the training date (\S+)$/, (_, date) => `早于培训日期 ${date}`],
  [/^training '([^']+)' has (\d+) sessions: say which one was attended$/, (_, t, n) => `培训 '${t}' 有 ${n} 个课次：请说明出席的是哪一次`],
  [/^training '([^']+)' has no session '([^']+)'$/, (_, t, id) => `培训 '${t}' 没有课次 '${id}'`],
  [/^training '([^']+)' has no milestone '([^']+)'$/, (_, t, id) => `培训 '${t}' 没有里程碑 '${id}'`],
  [/^not a session of this training$/, () => '不是该培训的课次'],
  [/^not a milestone of this training$/, () => '不是该培训的里程碑'],
  [/^one of (.+)$/, (_, ids) => `应为以下之一：${ids}`],
  [/^'([^']+)' is given twice$/, (_, id) => `'${id}' 重复给出`],
  [/^milestone '([^']+)' of training '([^']+)' is already completed$/, (_, id, t) => `培训 '${t}' 的里程碑 '${id}' 已完成`],
  [/^the attendance of rep '([^']+)' at session '([^']+)' of training '([^']+)' is already recorded$/, (_, rep, id, t) => `销售代表 '${rep}' 在培训 '${t}' 课次 '${id}' 的出席已记录`],
  [/^plan '([^']+)' pays rep '([^']+)' by (\w+); ask for a (\w+) period, not '([^']+)'$/, (_, plan, rep, kind, __, period) => `方案 '${plan}' 按${KIND_ZH[kind] ?? kind}给销售代表 '${rep}' 结算；请按${KIND_ZH[kind] ?? kind}查询，而不是 '${period}'`],
  [/^statements are by month, quarter or year; '([^']+)' is a (\w+)$/, (_, period, kind) => `结算单按月、季度或年；'${period}' 是${KIND_ZH[kind] ?? kind}`],
  [/^this classification policy is already in force$/, () => '该客户分级规则已在执行'],
  [/^a (\S+) looks back on a (\w+), not on '([^']+)'$/, (_, kind, want, period) => `${kind} 回顾的是一个${KIND_ZH[want] ?? want}，而不是 '${period}'`],
  [/^scorecard '([^']+)' measures a (\w+); '([^']+)' is not one$/, (_, id, kind, period) => `考核表 '${id}' 按${KIND_ZH[kind] ?? kind}考核；'${period}' 不是${KIND_ZH[kind] ?? kind}`],
  [/^rep '([^']+)' is not measured by scorecard '([^']+)' for (\S+)$/, (_, rep, id, period) => `销售代表 '${rep}' 在 ${period} 不由考核表 '${id}' 考核`],
  [/^the campaign ends \((\S+)\) before it starts \((\S+)\)$/, (_, to, from) => `营销活动的结束日期（${to}）早于开始日期（${from}）`],
  [/^campaign '([^']+)' has not been started: start it \(StartCampaign\) before recording what it spent$/, (_, id) => `营销活动 '${id}' 尚未开始：请先用 StartCampaign 开始它，再记录其费用`],
  [/^campaign '([^']+)' is already started$/, (_, id) => `营销活动 '${id}' 已开始`],
  [/^team '([^']+)' is already called '([^']+)'$/, (_, id, name) => `团队 '${id}' 已叫 '${name}'`],
  [/^contest '([^']+)' has started; its rules \(metric, window, ranking, prizes\) are frozen and cannot change$/, (_, id) => `竞赛 '${id}' 已开始；其规则（指标、时间窗口、排名方式、奖品）已冻结，不能更改`],
];

/** A `path: message` line of a decode detail. */
const fieldLine = (line: string): string => {
  const at = line.indexOf(': ');
  return at < 0 ? sentence(line) : `${line.slice(0, at)}：${sentence(line.slice(at + 2))}`;
};

const sentence = (text: string): string => {
  // a value that is not there is described as `nothing` (core/shared/codec.ts)
  const said = sayBy([...PHRASES, ...RULE_PHRASES], text)?.replace(/实际为 nothing/g, '实际为空');
  if (said !== undefined) return said;
  // `path: message` without a phrase of its own: the message may still have one
  const at = text.indexOf(': ');
  if (at > 0 && !/\s/.test(text.slice(0, at))) {
    const rest = sentence(text.slice(at + 2));
    if (rest !== text.slice(at + 2)) return `${text.slice(0, at)}：${rest}`;
  }
  return text;
};

/** The problem as a reader of `lang` reads it: code, type, status, rule and paths unchanged. */
export const problemIn = (body: ProblemBody, lang: Lang): ProblemBody =>
  lang === 'en'
    ? body
    : {
        ...body,
        title: TITLES[body.title] ?? body.title,
        detail: sentence(body.detail),
        ...(body.errors ? { errors: body.errors.map((e) => ({ path: e.path, message: sentence(e.message) })) } : {}),
      };

/** One problem sentence (a detail, a field message, `path: message`) in the reader's language. */
export const sentenceIn = (text: string, lang: Lang): string => (lang === 'en' ? text : sentence(text));
