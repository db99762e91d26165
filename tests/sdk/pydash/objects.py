"""pydash.objects as azure-ai-ml 1.4.0 uses it: get(obj, "a.b.0", default), omit(obj, keys), set_(obj, "a.b", v)."""
import copy

_MISSING = object()


def _keys(path):
    if isinstance(path, (list, tuple)):
        return list(path)
    return str(path).split(".") if path != "" else []


def _child(obj, key):
    if isinstance(obj, dict):
        return obj.get(key, _MISSING)
    if isinstance(obj, (list, tuple)):
        try:
            return obj[int(key)]
        except (ValueError, IndexError):
            return _MISSING
    return getattr(obj, str(key), _MISSING)


def get(obj, path, default=None):
    current = obj
    for key in _keys(path):
        if current is None:
            return default
        current = _child(current, key)
        if current is _MISSING:
            return default
    return current


def omit(obj, *paths):
    names = []
    for path in paths:
        names.extend(path if isinstance(path, (list, tuple)) else [path])
    result = copy.deepcopy(dict(obj)) if obj is not None else {}
    for name in names:
        keys = _keys(name)
        parent = get(result, keys[:-1]) if len(keys) > 1 else result
        if isinstance(parent, dict):
            parent.pop(keys[-1], None)
    return result


def set_(obj, path, value):
    keys = _keys(path)
    current = obj
    for key in keys[:-1]:
        nxt = _child(current, key)
        if nxt is _MISSING or nxt is None:
            nxt = {}
            if isinstance(current, dict):
                current[key] = nxt
            else:
                setattr(current, key, nxt)
        current = nxt
    if isinstance(current, dict):
        current[keys[-1]] = value
    elif isinstance(current, list):
        current[int(keys[-1])] = value
    else:
        setattr(current, keys[-1], value)
    return obj
