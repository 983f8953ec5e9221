#!/usr/bin/env python3
"""Regenerates the Inputs/Outputs tables of a module README between the BEGIN_TF_DOCS markers.

Usage: terraform/readme-tables.py terraform/modules/<module> [...]  (terraform-docs is not available here)."""
import re, sys, os
def blocks(text, kind):
    out=[]
    for m in re.finditer(r'^%s "([^"]+)" \{\n' % kind, text, re.M):
        i=m.end(); depth=1
        while depth:
            c=text[i]
            if c=='{': depth+=1
            elif c=='}': depth-=1
            i+=1
        out.append((m.group(1), text[m.end():i-1]))
    return out
def attr(body, name):
    m=re.search(r'^  %s\s+=\s+(.*)$' % name, body, re.M)
    if not m: return None
    v=m.group(1)
    if v.rstrip().endswith(('{','(','[')) :
        # multi-line: take until matching close at indent 2
        start=m.start(1); rest=body[start:]
        lines=rest.split('\n'); acc=[lines[0]]
        for l in lines[1:]:
            acc.append(l)
            if re.match(r'^  [\}\)\]]', l): break
        v='\n'.join(acc)
    return v
def cell(v):
    if v is None: return 'n/a'
    v=' '.join(v.split())
    if len(v)>60: v=v[:57]+'...'
    return '`'+v.replace('|','\\|')+'`'
def desc(v): return v.strip().strip('"').replace('\\"','"').replace('|','\\|').replace('<','&lt;').replace('>','&gt;') if v else ''
def tables(d):
    vt=open(os.path.join(d,'variables.tf')).read(); ot=open(os.path.join(d,'outputs.tf')).read()
    s=['## Inputs','','| Name | Description | Type | Default | Required |','|---|---|---|---|:---:|']
    for n,b in blocks(vt,'variable'):
        dflt=attr(b,'default')
        s.append(f'| `{n}` | {desc(attr(b,"description"))} | {cell(attr(b,"type"))} | {cell(dflt) if dflt is not None else "n/a"} | {"no" if dflt is not None else "yes"} |')
    s+=['','## Outputs','','| Name | Description |','|---|---|']
    for n,b in blocks(ot,'output'):
        s.append(f'| `{n}` | {desc(attr(b,"description"))} |')
    return '\n'.join(s)+'\n'


def regenerate(d):
    readme = os.path.join(d, 'README.md')
    t = open(readme).read()
    begin, end = '<!-- BEGIN_TF_DOCS -->', '<!-- END_TF_DOCS -->'
    gen = begin + '\n' + tables(d) + end
    if begin in t:
        t = t[:t.index(begin)] + gen + t[t.index(end) + len(end):]
    else:
        t = t.rstrip('\n') + '\n\n' + gen + '\n'
    open(readme, 'w').write(t)


for module in sys.argv[1:]:
    regenerate(module)
