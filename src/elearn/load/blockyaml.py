"""The block YAML that course files are written in, read line by line.

Authors (and the schema's examples) write a small part of YAML: indentation, ``key: value``,
``- `` items, plain texts, one-line quoted texts, ``>`` and ``|`` blocks, ``[a, b]`` lists
and comments. This reader knows exactly that part, and gives up (``Unsupported``) on any
line that is more or that might mean something else: an anchor, a tag, a text over several
lines without a block marker, a tab, the same key twice, a mistake. libyaml then reads the
file (``yaml.py``), so the data, and every error message, is always what ``yaml.safe_load``
would say; tests/test_load.py compares the two over the course, edge cases and thousands of
mangled files.

Why: a course of 10,000 questions has 200,000 lines of YAML. libyaml hands them to Python
as a quarter of a million event objects with two position objects each, which took longer
than reading the lines here.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver


class Unsupported(Exception):
    """The text uses more of YAML than this reader knows (or is wrong): libyaml reads it."""


# Anything but a newline, space and printable text: a tab, a carriage return, a control
# character, a line separator of YAML 1.1, a byte order mark inside the text.
_ODD = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# A key, and what follows it on the line (None or empty when nothing does).
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,200}):(?: +(.*)|$)")
# The inside of a quoted text: '' for a quote; in double quotes only the escapes \" \\ \/ \n \t.
_IN_SINGLE = r"'((?:[^']|'')*)'"
_IN_DOUBLE = r'"((?:[^"\\]|\\["\\/nt])*)"'
_SINGLE = re.compile(_IN_SINGLE + r"(?: +#.*| *)$")
_DOUBLE = re.compile(_IN_DOUBLE + r"(?: +#.*| *)$")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}
_BLOCK = re.compile(r"([>|])(-?)(?: +#.*| *)$")
_FLOW = re.compile(r"\[(.*)\](?: +#.*| *)$")
# One item of a [a, "b", 'c'] list and the comma after it (or the end); a plain item holds none
# of the characters that could make it something else (PyYAML ends a text in a list at '?').
_ITEM = re.compile(rf""" *(?:{_IN_DOUBLE}|{_IN_SINGLE}|([^,?\[\]{{}}'"#: ][^,?\[\]{{}}'"#:]*?)) *(,|$)""")
# First characters that make a value something other than a plain text (or an error).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")

_STR = "tag:yaml.org,2002:str"
# The types a plain value can have (yes/no, numbers, null, dates); anything else (a merge
# key, the '=' value) is for libyaml to refuse or build.
_TYPES = {f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "null", "timestamp")}
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
# First characters for which YAML has implicit types (PyYAML keys its resolvers so).
TYPED_STARTS = frozenset(Resolver.yaml_implicit_resolvers)
_UNKNOWN = object()
# Plain text -> its value, for short texts whose first character might start a type.
_KNOWN: dict[str, object] = {}
# A key as written -> the text it is: a course file repeats a few dozen keys thousands of times.
_KEYS: dict[str, str] = {}


def plain_value(text: str) -> object:
    """A plain (unquoted) value as ``safe_load`` means it: a text, or yes/no, a number, null or a
    date. The resolver is only asked where the first character might start a type, and a
    letter only starts one in the five letters of 'false' or fewer (yes, null, off...)."""
    if text[:1] not in TYPED_STARTS or (len(text) > 5 and text[0].isalpha()):
        return text
    known = _KNOWN.get(text, _UNKNOWN)
    if known is _UNKNOWN:
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
        if tag == _STR:
            known = text
        elif tag in _TYPES:
            try:
                known = _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text), deep=True)
            except ValueError:
                raise Unsupported from None  # 0x_, 2001-02-30: libyaml's reader says what is wrong
        else:
            raise Unsupported
        if len(_KNOWN) < 4096 and type(known) in (str, bool, int, float, type(None)):
            _KNOWN[text] = known
    return known


def read(text: str) -> object:
    """The data of ``text``, or ``Unsupported``. None for a text without content."""
    if _ODD.search(text):
        raise Unsupported
    lines = text.split("\n")
    count = len(lines)
    keys = _KEYS
    stack: list[list] = []  # open blocks and lists: [indent, container, is a block (dict)]
    pending = None  # (block, key, indent) of a key whose value starts on a later line
    root = None
    first = True
    # The block on top of the stack, while the last line was a key of it: most lines are the
    # next key of the same block, and go straight to it.
    same_indent, same_block = -1, None
    i = 0
    while i < count:
        line = lines[i]
        i += 1
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            continue
        indent = len(line) - len(content)
        if indent == same_indent and pending is None and content[0] != "-":
            # Nothing to open or close. A document marker or a directive is no key, so it is
            # refused below, as it would be after the first line in any case.
            match = _KEY.match(content)
            if match is None:
                raise Unsupported
            block = same_block
        else:
            if content[0] == "%" or indent == 0 and content[:3] in ("---", "..."):
                # A document marker: only '---' at the very start, alone.
                alone = len(content) == 3 or content[3:4] == " " and content[3:].lstrip(" ")[:1] in ("", "#")
                if not (first and content[:3] == "---" and alone):
                    raise Unsupported
                first = False
                continue
            first = False
            dash = content[0] == "-" and (len(content) == 1 or content[1] == " ")
            if pending is not None:
                block, key, key_indent = pending
                pending = None
                if indent > key_indent or (indent == key_indent and dash):
                    child = [] if dash else {}
                    block[key] = child
                    stack.append([indent, child, not dash])
            # Close what this line is outside of; a key line also closes a list at its own indent
            # (the list of the key above it, written without indentation).
            while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and not dash and not stack[-1][2])):
                stack.pop()
            if not stack:
                if root is not None:
                    raise Unsupported
                root = [] if dash else {}
                stack.append([indent, root, not dash])
            frame = stack[-1]
            if frame[0] != indent or frame[2] is dash:
                raise Unsupported  # a line deeper than it may be (a text over several lines), or a mistake
            if dash:
                rest = content[2:]
                item = rest.lstrip(" ")
                if not item or item[0] == "#" or (item[0] == "-" and item[1:2] in ("", " ")):
                    raise Unsupported  # the item on the lines below, or a list in a list
                match = _KEY.match(item)
                if match is None:
                    value, i = _scalar(item, indent, lines, i)
                    frame[1].append(value)
                    same_indent = -1
                    continue
                block = {}
                frame[1].append(block)
                indent = indent + 2 + len(rest) - len(item)
                stack.append([indent, block, True])
            else:
                match = _KEY.match(content)
                if match is None:
                    raise Unsupported
                block = frame[1]
            same_indent, same_block = indent, block
        name, value = match.groups()
        key = keys.get(name)
        if key is None:
            key = plain_value(name)
            if type(key) is str and len(keys) < 4096:
                keys[name] = key
        if key in block:
            raise Unsupported  # libyaml's reader reports it, with both places
        if not value or value[0] == "#":
            block[key] = None  # for now, and in its place
            pending = (block, key, indent)
        elif value[0] in _INDICATORS:
            block[key], i = _scalar(value, indent, lines, i)
        else:
            block[key] = _plain(value)
    return root


def _scalar(text: str, indent: int, lines: list[str], i: int) -> tuple[object, int]:
    """The value that ``text`` starts, on a line of ``indent``; ``i`` is the next line. Returns the
    value and the line after it."""
    first = text[0]
    if first == "'":
        match = _SINGLE.match(text)
        if match is None:
            raise Unsupported
        return match[1].replace("''", "'"), i
    if first == '"':
        match = _DOUBLE.match(text)
        if match is None:
            raise Unsupported
        return _unescape(match[1]), i
    if first == ">" or first == "|":
        return _block(text, indent, lines, i)
    if first == "[":
        match = _FLOW.match(text)
        # A long list goes on over the next lines, each line broken after a comma.
        while match is None and text.rstrip(" ")[-1:] == "," and i < len(lines):
            line = lines[i]
            content = line.lstrip(" ")
            if not content or len(line) - len(content) <= indent or "#" in content:
                raise Unsupported
            text = text.rstrip(" ") + " " + content
            i += 1
            match = _FLOW.match(text)
        if match is None:
            raise Unsupported
        return _flow(match[1]), i
    if first in _INDICATORS and not (first == "-" and text[1:2] not in ("", " ")):
        raise Unsupported
    return _plain(text), i


def _plain(text: str) -> object:
    """A plain value on one line, its comment cut off: most values of a course file."""
    comment = text.find(" #")
    if comment >= 0:
        text = text[:comment]
    text = text.rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise Unsupported
    # plain_value's own first test, here as well: most values are texts, and 160,000 calls
    # spared are about 60 ms at 10,000 questions.
    if text[0] not in TYPED_STARTS or (len(text) > 5 and text[0].isalpha()):
        return text
    return plain_value(text)


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPED[m[1]], text) if "\\" in text else text


def _flow(inner: str) -> list:
    """The items of a one-line ``[a, "b", 'c']`` list."""
    if not inner.strip(" "):
        return []
    items, at, end = [], 0, len(inner)
    while True:
        match = _ITEM.match(inner, at)
        if match is None:
            raise Unsupported
        double, single, plain = match[1], match[2], match[3]
        if double is not None:
            items.append(_unescape(double))
        elif single is not None:
            items.append(single.replace("''", "'"))
        elif plain is not None and (plain[0] not in _INDICATORS or plain[0] == "-" and plain[1:2] not in ("", " ")):
            items.append(plain_value(plain))
        else:
            raise Unsupported
        at = match.end()
        if not match[4]:
            if at != end:
                raise Unsupported
            return items
        if at == end:
            raise Unsupported  # a comma at the end


def _block(header: str, indent: int, lines: list[str], i: int) -> tuple[str, int]:
    """A ``>`` (folded) or ``|`` (literal) block, with ``-`` or without: its lines below ``header``."""
    match = _BLOCK.match(header)
    if match is None:
        raise Unsupported  # '+', an indentation number
    folded = match[1] == ">"
    body: list[str] = []
    inner = -1
    last = i
    count = len(lines)
    while i < count:
        line = lines[i]
        content = line.lstrip(" ")
        if not content:
            if inner < 0 or len(line) > inner:
                raise Unsupported  # an empty line before the text, or spaces past its margin
            body.append("")
            i += 1
            continue
        at = len(line) - len(content)
        if inner < 0:
            if at <= indent:
                raise Unsupported  # an empty block
            inner = at
        elif at < inner:
            break
        elif at > inner and folded:
            raise Unsupported  # a more indented line keeps its breaks in a folded block
        body.append(line[inner:])
        i += 1
        last = i
    # The last line of a file without a final newline has no break to keep.
    unbroken = last == count
    while body and not body[-1]:
        body.pop()
    if not body:
        raise Unsupported
    if folded:
        out = [body[0]]
        breaks = 0
        for line in body[1:]:
            if not line:
                breaks += 1
                continue
            out.append("\n" * breaks if breaks else " ")
            out.append(line)
            breaks = 0
        value = "".join(out)
    else:
        value = "\n".join(body)
    return (value if match[2] == "-" or unbroken else value + "\n"), i
