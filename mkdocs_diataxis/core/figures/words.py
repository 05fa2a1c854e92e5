"""The words that tell what a performance figure is (SPEC 4.2): the evidence of a claim
(a metric, measured wording, a comparison) and the contexts that make a figure a setting,
a target, an example, the environment or something other. Each pattern is compiled once,
with examples of what it matches and must not match; `evidence` decides in which order
they count.
"""

from __future__ import annotations

import re

from .guards import guarded as _guarded
from .guards import words as _words

# --- claim evidence ---------------------------------------------------------------------

# Explicit measured wording: a figure it stands with was measured, whatever else the
# sentence or its heading says. Matches "measured", "benchmarks", "in our testing",
# "Based on our benchmarking", "Result:", "we observed"; not "measure" as a verb of
# instruction or "results in" (a consequence).
MEASURED = _words(
    r"measured",
    r"benchmarked",
    r"(?:our|these|in the|in our|the following) benchmarks",
    r"benchmarks (?:show|showed|shows)",
    r"profil(?:ed|ing)",
    r"in (?:our|my|these|the) (?:tests?|testing|experiments?|runs?|benchmarks?)",
    r"based on (?:our|my) (?:tests?|testing|benchmarks?|benchmarking|experiments?)",
    r"(?:we|i) (?:saw|got|measured|observed|recorded)",
    r"(?:we|i) found that",
    r"(?:we|i|was|were|been|is|are) (?:observed|exhibited)",
    r"(?:observed|exhibited)(?= (?:in|on|during|when|with|at|over|under|across|by|was|were)\b)",
    r"(?:our|these|benchmark) results",
    r"current(?=\s*:)",
)
# Measured wording that speaks of the figure after it: "reached 60K RPS", "able to achieve
# a throughput of 4M ops/sec", "sustains 2.65 million spawns/sec"; not a "1–8 byte
# pattern" earlier in a sentence that goes on to achieve something.
ACHIEVED = _words(
    r"sustain(?:s|ed|ing)?",
    r"achiev(?:es|ed|ing)",
    r"reach(?:es|ed|ing)",
)
# A metric: what a claim is about. Matches "latency", "takes", "runs in", "throughput",
# "memory usage", "overhead", "p99", "faster"; not "time" alone ("at the same time").
METRIC = _words(
    r"latenc(?:y|ies)",
    r"throughput",
    r"response times?",
    r"run times?",
    r"runtimes",
    r"wall(?:-clock)? times?",
    r"execution times?",
    r"processing times?",
    r"start-?up times?",
    r"(?:cold|warm)[- ]starts?",
    r"first requests?",
    r"start-?up",
    r"build times?",
    r"compile times?",
    r"query times?",
    r"load times?",
    r"lookup times?",
    r"time to first token",
    r"ttft",
    r"overhead",
    r"footprint",
    r"(?:memory|ram|vram|heap|disk|storage|cpu|gpu) (?:usage|use|consumption|load|time|space)",
    r"(?:storage|disk|index|binary|bundle|wheel|image|install|memory|heap) (?:size|footprint)",
    r"resident memory",
    r"lag",
    r"gpu memory",
    r"vram",
    r"rss",
    r"utili[sz]ation",
    r"p50|p90|p95|p99(?:\.9+)?|percentile",
    r"median",
    r"qps|rps|iops|tps",
    r"(?:requests|queries|messages|tokens|operations|ops|rows|events) per second",
    r"speed(?:s|-?ups?)?",
    r"performance",
    r"faster|slower|quicker",
    r"efficien(?:t|cy)",
    r"compression(?: ratio)?",
    r"accura(?:te|cy)",
    r"benchmarks?",
    r"takes?|took|taking",
    r"(?:runs?|ran|executes?|executed|completes?|completed|finishes|finished|responds?"
    r"|returns?|loads?|loaded|starts?|started|spawns?|builds?|compiles?|drains?) in",
    r"runs? at",
    r"spent|spends?",
    r"deliver(?:s|ed)?",
    r"scales? to",
)
# What a size is a measure of, when it is a claim: "memory usage", "footprint", "RSS",
# "storage size", "index size", "VRAM"; "takes" or "latency" speak of time, not size.
SPACE_METRIC = _words(
    r"footprint",
    r"(?:memory|ram|vram|heap|disk|storage|gpu) (?:usage|use|consumption|space)",
    r"(?:storage|disk|index|binary|bundle|wheel|image|install|memory|heap) (?:size|footprint)",
    r"resident memory",
    r"gpu memory",
    r"vram",
    r"rss",
    r"overhead",
    r"compact",
    r"compression(?: ratio)?",
    r"throughput",
    r"bandwidth",
    r"per second",
    r"speeds?",
    r"performance",
    r"efficien(?:t|cy)",
)
# A verb of using up, right before a size: "the daemon uses 40 MB of memory", "each
# adapter requires 50-500MB of GPU memory" (a footprint, not a machine's memory).
FOOTPRINT_VERB = _guarded(
    r"\b(?:uses?|using|used|consumes?|consumed|takes?|took|needs?"
    r"|requires?|required|occupies|occupied)\s{1,3}(?:about |around |roughly |only |typically "
    r"|up to |~)?\Z",
)
# A table of configuration: a header cell that names what is configured.
CONFIG_HEADER = re.compile(
    r"\b(?:parameters?|settings?|options?|flags?|variables?|env(?:ironment)? vars?"
    r"|propert(?:y|ies)|arguments?|config\w*|defaults?|keys?)\b",
    re.IGNORECASE,
)
# A column header that names a statistic of a measurement: "Mean", "p99", "Time",
# "Wall time" (a column a table of settings would call "Max" or "Default" is no such).
STATISTIC_HEADER = re.compile(
    r"\W*(?:mean|median|avg|average|p\d{2,3}(?:\.\d+)?|std\.? ?dev|stddev|time|duration"
    r"|elapsed|wall(?:[- ]clock)?(?: time)?|run ?time|latency|throughput)\b",
    re.IGNORECASE,
)
# Results named in a heading, a lead-in or a column header: "## Results", "Benchmark
# results:", "Performance results"; not "Interpreting the results" of a query.
RESULTS = re.compile(
    r"\A\W*(?:\d[\d.]*\s+)?(?:(?:benchmark|test|performance|measured)\s+)?results?\b",
    re.IGNORECASE,
)
# A verb of doing, right before a duration ("a cold spawn costs about 1.49 µs") or a
# rate ("the gateway serves 10,000 req/s", "handles 6.12M msg/sec").
DURATION_VERB = _guarded(
    r"\b(?:costs?|costing|adds?|added|saves?|saved)\s{1,3}(?:about |around |roughly |only |~)?\Z",
)
RATE_VERB = _guarded(
    r"\b(?:handles?|handled|process(?:es|ed)?|serves?|served|pushes|moves|sends|writes"
    r"|reads|ingests?|does|did|runs? at)\s{1,3}(?:about |around |roughly |up to |over |~)?\Z",
)
# What a generic comparative must be about to compare performance: "74% more requests
# per second", "28% less VRAM", "13× smaller than the bitmap index"; not "20% more
# volatile" or "33% larger fonts".
_PERFORMANCE_OBJECT = (
    r"(?:requests|queries|messages|operations|ops|tokens|throughput|latency|memory|ram|vram"
    r"|cpu|gpu|disk|storage|space|bandwidth|time|overhead|allocations|compute|power|energy"
    r"|cost|i/o|io|traffic|rows|writes|reads|data)\b"
)
# A comparison right after the figure: "3x faster", "74% more requests", "13× smaller",
# "2–5× compression", "twice as long", "order of magnitude faster"; not "3x the CPU"
# (a quantity of something else) or "50% of the code".
COMPARISON_AFTER = re.compile(
    r"\s{0,3}\)?\s{0,3}(?:or (?:more|so)\s{1,3})?(?:times\s{1,3})?"
    r"(?:faster|slower|quicker|(?:\w+\s{1,3}){0,2}(?:speed-?ups?|improvements?|reductions?"
    r"|increases?|decreases?|gains?|boost|savings?)|compression"
    r"|(?:smaller|larger|bigger|less|more|fewer|higher|lower|cheaper|better|worse)"
    r"(?=\s{1,3}(?:\w+\s{1,3})?" + _PERFORMANCE_OBJECT + r"|\s{1,3}than\b)"
    r"|(?:as|so) (?:long|fast|slow|quick|much|many|large|big|small|efficient))\b",
    re.IGNORECASE,
)
# A comparison right before the figure: "reduced key processing time by around 94%",
# "a speedup of 10-100x", "improvements of 2x", "dropped by almost 50%".
COMPARISON_BEFORE = _guarded(
    r"(?:speed-?ups?|improvements?|reduc\w{0,6}|increas\w{0,4}|decreas\w{0,4}|gains?|boost"
    r"|cuts?|dropp?\w{0,3}|sav\w{1,5}|compression|faster|slower|shr[iu]nk\w{0,3})"
    r"(?:\s{1,3}[\w-]{1,20}){0,4}?"
    r"\s{1,3}(?:of|by|to|than)\s{1,3}(?:about|around|roughly|almost|nearly|over|up to"
    r"|at least|at most|more than|less than|~)?\s{0,3}\Z"
    r"|(?:speed-?ups?|improvements?|gains?|boost)\s{1,3}(?:of\s{1,3})?(?:about |around |~)?\Z"
    r"|\b(?:cut|cuts|reduc\w{0,6}|drop\w{0,3}|fell|falls|shr[iu]nk\w{0,3}|went|goes|improv\w{0,4}"
    r"|brought|brings|lowered|raised|increas\w{0,4}|decreas\w{0,4})\b[^.;]{0,60}?"
    r"\bfrom\s{1,3}(?:about |around |~)?(?:\S{1,20}\s{1,3}to\s{1,3}(?:about |around |~)?)?\Z",
)
# Compared with what: "compared to Redis", "than the bitmap index", "vs.".
COMPARED = _words(r"compared (?:to|with)", r"vs\.?", r"versus", r"relative to")

# --- not a claim ------------------------------------------------------------------------

# An example or hypothetical: anywhere before the figure in its sentence.
EXAMPLE = _words(
    r"for (?:example|instance)",
    r"e\.g\.?",
    r"say",
    r"suppose",
    r"supposing",
    r"imagine",
    r"assum\w+",
    r"hypothetical\w*",
    r"let's say",
    r"in this example",
    r"like(?= ['\"`])",
)
# A target: "target", "goal", "should", "expected", "estimated", "at most", "keep ... under".
TARGET = _words(  # alternatives grouped by first letter: fewer branches tried per position
    r"t(?:argets?|argeting)",
    r"goals?",
    r"budgets?",
    r"s(?:los?|las?|hould|tays? (?:under|below|within)|afety margin)",
    r"objectives?",
    r"r(?:equirements?|ecommend\w*|ule of thumb)",
    r"m(?:inimum|ust)",
    r"ought",
    r"e(?:xpect(?:ed)?|stimat\w+)",
    r"aim(?:s|ed|ing)? (?:to|for|at)",
    r"want",
    r"keep(?: \w+){0,4} (?:under|below|within)",
    r"no more than",
)
# A setting: what the reader configures, or a limit, default, schedule or threshold.
SETTING = _words(
    r"time-?outs?",
    r"intervals?",
    r"delays?",
    r"back-?offs?",
    r"ttls?",
    r"retr(?:y|ies|ied)",
    r"defaults?(?: to| is| of)?",
    r"by default",
    r"limit(?:s|ed|er|ers)?",
    r"throttl\w*",
    r"quotas?",
    # "maximum throughput of 6M ops/s" is a claim; "Maximum Throughput: 1 GB/s" a spec line.
    r"max(?:imum)?(?! (?:latency|throughput|memory|rss|time|speed|rate|qps|rps|bandwidth)\b(?!:))",
    r"caps?",
    r"capped",
    r"deadlines?",
    r"expir\w+",
    r"expires?",
    r"wait\w*",
    r"sleeps?",
    r"paus\w+",
    r"poll\w*",
    r"heartbeats?",
    r"keep-?alive",
    r"grace",
    r"cool-?down",
    r"lease",
    r"(?-i:windows?)",
    r"range(?= \d)",
    r"set (?:to|it to|the \w+ to)",
    r"configur\w+",
    r"settings?",
    r"options?",
    r"parameters?",
    r"flags?",
    r"threshold",
    r"retention",
    r"retain\w*",
    r"provision\w*",
    r"at most",
    r"at least",
    r"(?:buffer|chunk|page|batch|block|segment|file|message) sizes?",
)
# The environment of a measurement or a spec sheet: the machine, its hardware, the
# data and load a benchmark applied.
ENVIRONMENT = _words(
    r"machines?",
    r"instances?",
    r"laptop",
    r"desktop",
    r"macbook\w*",
    r"servers? with",
    r"nodes? with",
    r"hardware",
    r"(?:of|with) (?:ram|memory)",
    r"ram",
    r"vcpus?",
    r"cores?",
    r"interconnect",
    r"nvlink",
    r"pcie",
    r"memory bandwidth",
    r"hbm\d?",
    r"links?",
    r"network",
    r"datasets?",
    r"data ?set",
    r"(?:csv|parquet|json) files?",
    r"payloads?",
    r"message sizes?",
    r"concurrent (?:clients|connections|users)",
    r"load of",
    r"rows? of",
)
# Other: prices, human time, shares, test pass rates, data that is no footprint.
OTHER = _words(
    r"\$",
    r"usd",
    r"eur",
    r"price\w*",
    r"pricing",
    r"billing",
    r"per month",
    r"per hour",
    r"/month",
    r"/hour",
    r"coverage",
    r"tests? pass\w*",
    r"daily",
    r"weekly",
    r"monthly",
    r"resolution",
    r"precision",
    r"granularity",
)
# A threshold the figure is the value of: "when the memory usage is above 16GB", "if CPU
# usage is above 50%", "once it reaches 12GB"; right before the figure.
THRESHOLD = _guarded(
    r"\b(?:when|if|once|until|unless|whenever|after|every)\b[^.;:]{0,50}?"
    r"\b(?:above|below|exceeds?|over|under|reach(?:es)?|hits?|greater than|less than"
    r"|more than|after|every)\s{1,3}(?:about |around |roughly |~)?\Z"
    r"|\b(?:after|every|older than|(?:in )?between)\s{1,3}"
    r"(?:about |around |~)?\Z"
    r"|\bbetween\s{1,3}\S{1,20}\s{1,3}and\s{1,3}\Z"
    # What is picked out by a bound: "values above 500 ms are highlighted".
    r"|\b(?:values?|anything|entries|items|those|ones)\s{1,3}(?:above|below|over|under"
    r"|exceeding|(?:greater|less|longer|shorter) than)\s{1,3}\Z",
)
# A value the reader gives, or a bound: "use 100ms", "set it to 5s", "took more than 100
# ms" (a filter), "profile for 30 seconds"; right before the figure.
GIVEN_BEFORE = _guarded(
    r"\b(?:use|set|choose|pick|try|specify|pass|give|configure|allow)\s{1,3}(?:it\s{1,3})?"
    r"(?:to\s{1,3})?(?:a\s{1,3}|an\s{1,3}|the\s{1,3}|about\s{1,3})?\Z"
    r"|\b(?:that|which|where|queries|requests|calls|jobs|tasks|operations)\b[^.;]{0,30}?"
    r"\b(?:more|less|longer|shorter|greater|fewer)\s{1,3}than\s{1,3}\Z"
    r"|\bfor\s{1,3}(?:about\s|around\s|over\s|~)?\Z"
    # A spec line: "Maximum Throughput: 1 GB/s", "Min memory: 8 GB".
    r"|\b(?:min|max)(?:imum)?(?:\s{1,3}[\w-]+){1,3}\s{0,3}:\s{1,3}\Z"
)
# A limit: "can take up to 48 hours", "files up to 10 MB" (but "handles up to 1.2M
# requests per second" claims a throughput, and "up to 3x faster" a speed-up).
UP_TO = re.compile(r"\bup\s{1,3}to\s{1,3}\Z", re.IGNORECASE)
# A sentence that tells the reader what to change: "Reduce the poll period to 5 ms",
# "Increase the heap by 50% if you see GC pauses", "Run the benchmark with a 30 s
# duration". (Unless a metric stands between the verb and the figure: "Cut build time
# by 50%" is a claim.)
IMPERATIVE = re.compile(
    r"\s*[*_]*(?:reduce|increase|raise|lower|shrink|tune|set|use|change|adjust|decrease"
    r"|bump|run|allow|give|limit|cap|configure|pass|choose|pick|specify|send|start)\b",
    re.IGNORECASE,
)
# A value the reader can change a setting to: "users can lower `poll_ms` to 5 ms".
CHANGE_TO = _guarded(
    r"\b(?:lower|raise|reduce|increase|shrink|set|change|bump|tune|adjust|decrease)\b"
    r"[^.;]{0,40}?\bto\s{1,3}(?:about |~)?\Z"
)
# A modal that makes a figure a possibility: "might handle 200 requests per second",
# "may take a time in the order of magnitude of the millisecond".
MODAL = _guarded(r"\b(?:may|might|could|would)\b[^.;,]{0,30}\Z")
# A rate a benchmark applies: "sends 1 KB messages at 10,000 msg/s".
APPLIED = _guarded(
    r"\b(?:sends?|sending|sent|loads?|loading|drives?|driving|appl(?:y|ies|ied|ying)"
    r"|generat\w+|maintain\w*|issu\w+|replay\w*)\b[^.;]{0,40}?\bat\s{1,3}\Z"
)
# A setting named right after the figure: "a 5 min timeout", "30s interval"; or a value
# whose meaning is given: "0 means unlimited".
SETTING_AFTER = re.compile(
    r"\W{0,3}(?:time-?outs?|intervals?|delays?|back-?offs?|ttls?|deadlines?|limits?|caps?"
    r"|grace period|lease|cool-?down|heartbeats?|retention|means|disables|turns off"
    r"|dedicated to|allocated to|reserved for|assigned to)\b",
    re.IGNORECASE,
)
TARGET_AFTER = re.compile(
    r"\W{0,3}\(?(?P<word>target|goal|budget|expected|estimated|slo|margin|headroom)\b", re.I
)
# A unit conversion or a sum, not a measurement: "30 minutes = 1,800,000,000,000 ns",
# "20 workers x 100 RPS = 2000 RPS", "10KB per request = 20MB/s". Searched up to the
# figure, and matched from its end (\A would only ever match where the text starts).
CONVERSION = re.compile(r"(?<![<>!=])=\s{0,3}\Z")  # not "<=", ">=", "!=", "=="
CONVERSION_AFTER = re.compile(
    r"(?:\s{1,3}(?:per|/)\s{0,3}[A-Za-z]+)?\s{0,3}=(?![=>])\s{0,3}~?\d[\d.,]*\s?[A-Za-z/%]+"
    r"(?!\s{1,3}(?:faster|slower|quicker|less|more|fewer|smaller|larger|better|worse|higher"
    r"|lower|speed-?up)\b)"
)
# The hardware or data a figure describes, attached to it: "64 GB of RAM", "8GB
# instances", "a 10 Gbps link", "a 90GB dataset", "a GPU with 80GiB".
ATTACHED_AFTER = re.compile(
    r"\s{0,3}(?:of\s{1,3})?(?:ram|memory\b(?! (?:usage|use|footprint|consumption))|vram"
    r"|hbm|instances?|machines?|nodes?|servers?|hosts?|links?|nics?|disks?|ssds?|drives?"
    r"|datasets?|data ?set|of (?:raw |uncompressed )?data|cores?|vcpus?|of free disk"
    r"|messages?|payloads?|records?|files?|objects?|documents?|values?)\b",
    re.IGNORECASE,
)
ATTACHED_BEFORE = _guarded(
    r"\b(?:machine|instance|gpu|server|node|laptop|host|box|vm|dataset)s?"
    r"\s{1,3}(?:with|of|has|having)\s{1,3}(?:about |around |roughly |~)?\Z"
    r"|\bdatasets?\b[^;:\d]{0,14}\Z",
)
# A share of things, not of a metric: "50% of the code", "90% of jobs", "10% of
# traffic"; not "95% of native speed".
# A point in time, not a span of work: "30 minutes later", "two hours ago".
TIME_OFFSET_AFTER = re.compile(r"\s{0,3}(?:later|earlier|ago|from now|beforehand)\b", re.I)
# A percentage of what came before: "shrinks to 40% of the original size".
RELATIVE_AFTER = re.compile(
    r"\s{0,3}of\s{1,3}(?:its\s{1,3}|their\s{1,3}|the\s{1,3})?"
    r"(?:original|previous|former|initial|uncompressed|baseline)\b",
    re.IGNORECASE,
)
SHARE = re.compile(
    r"\s{0,3}(?:or (?:more|less|so)\s{1,3})?of\s{1,3}(?:all\s{1,3})?(?:the\s{1,3}|your\s{1,3})?"
    # "50% of the original size", "30% of its memory" compare a figure with another.
    r"(?!native|peak|baseline|speed|perf|throughput|latency|memory|cpu|gpu|time|bandwidth"
    r"|runtime|overhead|its\b|their\b|original|previous|former|initial|uncompressed)[a-z]+",
    re.IGNORECASE,
)
# An approximate value: what a measurement or an observation gives ("~15 bytes",
# "typically 2–5×", "about 1.49 µs").
APPROXIMATE = re.compile(
    r"\b(?:about|around|roughly|approximately|typically|on average|nearly|almost)\s{0,3}\Z",
    re.IGNORECASE,
)
# A sentence that restates the one before: "This means 2,000% or more.", "In other words".
RESTATEMENT = re.compile(
    r"\s*(?:(?:this|that|which) (?:means|is)|in other words|that's|i\.e\.)\b", re.IGNORECASE
)
# A condition the figure stands in: "If your delete operation runs 100x faster, then you
# pay 100x less compute", "If a query takes 3 seconds, the dashboard shows a spinner"; not
# "If you enable caching, it is 3x faster" (the figure is past the comma).
IF_CLAUSE = _guarded(r"\bif\b[^,;.:]{0,55}\Z|\bif\b[^;.:]{0,80},\s{0,3}then\b[^,;.:]{0,40}\Z")
# People's work, not the software's: "increase the speed to develop features by 200%",
# "developer-induced errors", "team productivity".
HUMAN = _words(
    r"developer-induced",
    r"productivity",
    r"human",
    r"speed to (?:develop|code|write|ship)",
    r"team members?",
)
# A group among many, not a metric: "the slowest 10%", "the top 1%".
SHARE_BEFORE = re.compile(
    r"\b(?:slowest|fastest|top|bottom|first|last|worst|best|remaining)\s{1,3}\Z", re.I
)
# The reader's own time, near a duration: "a 5 minute read", "you can finish this
# tutorial in under 20 minutes".
READER = _words(
    r"reading time",
    r"to read",
    r"tutorial",
    r"lessons?",
    r"course",
    r"workshop",
    r"exercises?",
)
# The reader getting started, right before a duration: "Get started in 5 minutes".
GET_STARTED = re.compile(
    r"\bget(?:ting)? started in\s{1,3}(?:about |under |less than |~)?\Z", re.IGNORECASE
)
EXAMPLE_OPENING = re.compile(r"\s*(?:for (?:example|instance)|e\.g\.|suppose|imagine)", re.I)
"""A paragraph that opens with an example is one all through."""
