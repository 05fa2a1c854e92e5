"""content/fit flags on each shared corpus with weights fitted on the other corpora
(leave one corpus out), each corpus's folders mapped as fit-folders.yml labels them.
Writes /work/snap/s26/flags_loco.json (a scratch path: this is the script behind
benchmarks/fit-judged.tsv, kept with it)."""
import json, sys
from pathlib import Path
from collections import Counter
import yaml
sys.path.insert(0, '/work/main/benchmarks')
import fit_calibrate as fc
import mkdocs_diataxis.core.fit.reading as reading
from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS
folders = yaml.safe_load(open('/work/main/benchmarks/fit-folders.yml'))
rows = fc.labelled(Path('/work/shared/corpora'))
out = []; read = 0
for corpus in sorted(p for p in Path('/work/shared/corpora').iterdir() if (p/'docs').is_dir()):
    model = fc.fit([r for r in rows if r[0] != corpus.name])
    reading.shipped_weights = lambda model=model: model
    cats = {c: list(DEFAULT_FOLDERS[c]) for c in DEFAULT_FOLDERS}
    for prefix, c in (folders.get(corpus.name) or {}).items():
        name = prefix.rstrip('/').split('/')[-1]
        if name not in cats[c]: cats[c].append(name)
    s = load_settings({'categories': cats, 'content_fit': {'enabled': True},
                       'citations': {'enabled': False}, 'terms': {'enabled': False}, 'acronyms': {'enabled': False}})
    docs = corpus/'docs'
    for f in sorted(docs.rglob('*.md')):
        page = f.relative_to(docs).as_posix()
        r = check_page(page, f.read_bytes(), s)
        if r.facts.fit is not None and r.facts.category: read += 1
        for x in r.findings:
            if x.rule == 'content/fit':
                out.append({'corpus': corpus.name, 'page': page, 'category': r.facts.category, 'message': x.message})
    print(corpus.name, sum(o['corpus']==corpus.name for o in out), flush=True)
json.dump(out, open('/work/snap/s26/flags_loco.json','w'), indent=1)
print(len(out), 'flags of', read, 'categorised pages read')
print(Counter((o['category'], o['message'].split(',')[0].split('reads as ')[1]) for o in out))
