"""Finding controls in the workbench's accessibility tree, shared by the drive scripts.

The search does not go into item views (`skip`): their thousands of cells would make every search
slow, and a node that stops answering (a closed dialog, a modal dialog's event loop) is passed
over rather than ending the script. Run the scripts with tools/gui/atspi_run.sh, which puts
atspi.py on the path.
"""

ITEM_VIEWS = frozenset({"table", "tree table"})


def find_all(node, role=None, name=None, contains=None, skip=ITEM_VIEWS, depth=0):
    hits = []
    if node is None or depth > 40:
        return hits
    try:
        r, nm = node.getRoleName(), node.name
    except Exception:
        return hits
    if (role is None or r == role) and (name is None or nm == name) and \
            (contains is None or contains.lower() in (nm or "").lower()):
        hits.append(node)
    if r in skip:
        return hits
    try:
        for c in node:
            hits += find_all(c, role, name, contains, skip, depth + 1)
    except Exception:
        pass
    return hits


def find(node, role=None, name=None, contains=None, skip=ITEM_VIEWS):
    h = find_all(node, role, name, contains, skip)
    return h[0] if h else None
