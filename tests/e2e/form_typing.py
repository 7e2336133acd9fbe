"""Entering a whole case into the paralegal form through its controls, in one call to the page.

The steps are what a person does, in the order of the form: choose a union's kind before
its fields, add rows with the 添加 button, tick an optional group, open 「更多信息」, then
focus each input and type its value. They run in the page in one ``evaluate``: a
Playwright action per control costs the browser a round trip, a scroll and two animation
frames each, several seconds for a long case, while what these tests check is that the
form has a control for every fact and sends the facts back.

Before acting on a control the page makes Playwright's own checks: exactly one element
has the field's id, it is visible and enabled (an input also not read-only). Typing is
done as Playwright's ``fill`` does it: focus, select what is there, insert the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from playwright.sync_api import Page

Path = tuple[str | int, ...]

RUN_STEPS = """steps => {
    const one = (selector, step) => {
        const found = document.querySelectorAll(selector);
        if (found.length !== 1) {
            throw new Error(`${found.length} elements match ${selector} (${JSON.stringify(step)})`);
        }
        const control = found[0];
        if (!control.checkVisibility({visibilityProperty: true})) {
            throw new Error(`not visible: ${selector}`);
        }
        if (control.disabled) { throw new Error(`disabled: ${selector}`); }
        return control;
    };
    const byId = step => one(`[id="${step.id}"]`, step);
    const press = control => { control.focus(); control.click(); };
    const choose = (control, index) => {
        if (control.tagName !== 'SELECT' || index >= control.options.length) {
            throw new Error(`no option ${index} in ${control.id}`);
        }
        control.focus();
        control.selectedIndex = index;
        control.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
        control.dispatchEvent(new Event('change', {bubbles: true}));
    };
    const tick = (control, wanted) => {
        if (control.checked !== wanted) { press(control); }
        if (control.checked !== wanted) { throw new Error(`${control.id} did not change`); }
    };
    const type = (control, text) => {
        if (control.readOnly) { throw new Error(`read-only: ${control.id}`); }
        control.focus();
        control.select();
        const done = text === ''
            ? document.execCommand('delete')
            : document.execCommand('insertText', false, text);
        if (!done || control.value.replace(/,/g, '') !== text.replace(/,/g, '')) {
            throw new Error(`${control.id} shows ${control.value}, typed ${text}`);
        }
    };
    const addRows = step => {
        const group = byId(step);
        const rows = () => group.querySelectorAll(':scope > ol > li').length;
        while (rows() < step.rows) {
            const before = rows();
            press(one(`[id="${step.id}"] > button.add`, step));
            if (rows() !== before + 1) { throw new Error(`添加 added no row to ${step.id}`); }
        }
    };
    const openMore = step => {
        const more = document.querySelector(`details[data-path="${step.id}"]`);
        if (more && !more.open) { press(one(`details[data-path="${step.id}"] > summary`, step)); }
    };
    for (const step of steps) {
        switch (step.op) {
            case 'set': window.docgenForm.setValue(step.path, step.value); break;
            case 'more': openMore(step); break;
            case 'tick': tick(byId(step), step.value); break;
            case 'rows': addRows(step); break;
            case 'choose': choose(byId(step), step.index); break;
            case 'type': type(byId(step), step.value); break;
            default: throw new Error(`unknown step ${step.op}`);
        }
    }
}"""


def type_case(page: Page, node: dict[str, Any], data: Any, path: Path = ()) -> None:
    """Enter ``data`` into the form through its inputs, as a person would, guided by the spec."""
    page.evaluate(RUN_STEPS, list(steps(node, data, path)))


def _id(path: Path, suffix: str = "") -> str:
    return ".".join(["f", *map(str, path)]) + suffix


def steps(node: dict[str, Any], data: Any, path: Path) -> Iterator[dict[str, Any]]:
    """What a person does to enter ``data`` at ``path``, in the order of the form."""
    kind = node["kind"]
    if node.get("picker"):  # chosen with the profile picker, not typed
        yield {"op": "set", "path": list(path), "value": data}
        return
    if node.get("advanced"):  # rarely needed fields wait behind 「更多信息」
        yield {"op": "more", "id": _id(path[:-1], ".__more")}
    if kind == "object":
        if node.get("optional"):
            yield {"op": "tick", "id": _id(path, ".__present"), "value": True}
        # in the order of the form: a choice comes before the fields it brings
        for field in node["fields"]:
            if field["name"] in data:
                yield from steps(field, data[field["name"]], (*path, field["name"]))
    elif kind == "union":
        values = [o["value"] for o in node["options"]]
        index = values.index(data[node["tag"]])
        yield {"op": "choose", "id": _id((*path, node["tag"])), "index": index}
        for field in node["options"][index]["fields"]:
            if field["name"] in data:
                yield from steps(field, data[field["name"]], (*path, field["name"]))
    elif kind == "array":
        if not node.get("paired_with"):  # a paired list's rows come with its partner's
            yield {"op": "rows", "id": _id(path), "rows": len(data)}
        for i, item in enumerate(data):
            yield from steps(node["item"], item, (*path, i))
    elif node["widget"] == "select":
        values = [c["value"] for c in node["choices"]]
        yield {"op": "choose", "id": _id(path), "index": values.index(data) + 1}
    elif node["widget"] == "checkbox":
        yield {"op": "tick", "id": _id(path), "value": bool(data)}
    else:
        yield {"op": "type", "id": _id(path), "value": str(data)}
