"""Drives the HTML explorer (`actorgraph export html`) in headless Chromium through the Chrome
DevTools Protocol, as a user would, and prints what it saw, as JSON.

Usage: explorer_check.py PAGE.html FOLD_INPUTS.json [SCREENSHOT_DIR]

Opens the page from file://, collects console errors and uncaught exceptions, plays the slider
for a second, moves the time
slider to 2012-05-01 and 2012-08-01 and reads who holds Gao (town-control lane and the drawn
control edges), types "جاو" in the search box and clicks the first result, clicks (with the
mouse, at its drawn position) a relation of the focused actor and reads the details panel,
folds every string of FOLD_INPUTS.json with the page's own search folding, and with
SCREENSHOT_DIR saves three PNG screenshots (explorer-*.png). Needs Debian's chromium
(CHROMIUM overrides the executable) and websocket-client.
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


class Browser:
    """A headless Chromium and a CDP session on its page."""

    def __init__(self, width=1600, height=1000):
        executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if not executable:
            raise SystemExit("chromium is not installed: run `bash .ci/setup` (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="explorer-check-")
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
             f"--window-size={width},{height}", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.profile, "stderr.txt"), "wb"))
        port = self._port()
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=180)
        self.next_id = 0
        self.errors = []
        self.events = []

    def _port(self):
        path = os.path.join(self.profile, "DevToolsActivePort")
        # A loaded machine (the whole test suite on two cores) can take a minute to start it.
        for _ in range(1800):
            if self.process.poll() is not None:
                break
            if os.path.exists(path):
                lines = open(path).read().split("\n")
                if lines and lines[0].strip():
                    return int(lines[0])
            time.sleep(0.1)
        log = open(os.path.join(self.profile, "stderr.txt"), errors="replace").read()[-2000:]
        raise SystemExit(f"chromium did not open its DevTools port (exit {self.process.poll()}):\n{log}")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message):
        method = message.get("method")
        params = message.get("params", {})
        self.events.append(method)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append("log: " + params["entry"]["text"])

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for {expression}")

    def click(self, x, y):
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


def set_day(browser, iso):
    """Moves the slider as a user's drag does: a new value, then an input event."""
    browser.evaluate(f"""(() => {{ const s = document.getElementById('day');
        s.value = String(dayOf('{iso}')); s.dispatchEvent(new Event('input', {{bubbles: true}})); }})()""")


def gao_holders(browser):
    """Who the page shows holding Gao: the lane's holder text and the drawn control edges."""
    return browser.evaluate("""(() => {
        const lane = document.querySelector('#lanes [data-town="gao"] .holder');
        const gao = DATA.entities.findIndex((e) => e.id === 'gao');
        const edges = cy.edges().filter((e) => !e.hasClass('hidden')).map((e) => DATA.relations[e.data('index')])
            .filter((r) => r.kind === 'control' && r.target === gao && !r.negated)
            .map((r) => DATA.entities[r.source].id);
        return {lane: lane ? lane.textContent : null, edges: edges.sort()};
    })()""")


def centre_of(browser, selector):
    box = browser.evaluate(f"""(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
    return box


def main():
    page, fold_inputs = sys.argv[1], sys.argv[2]
    shots = sys.argv[3] if len(sys.argv) > 3 else None
    report = {}
    browser = Browser()
    try:
        for domain in ("Runtime", "Log", "Page"):
            browser.call(f"{domain}.enable")
        browser.call("Page.navigate", url="file://" + os.path.abspath(page))
        browser.wait_for("document.readyState === 'complete' && document.body && document.body.dataset.ready === 'true'")
        report["title"] = browser.evaluate("document.title")
        # Every word of the interface in the three languages, every kind of the data translated.
        report["label_gaps"] = browser.evaluate("""(() => {
            const gaps = [];
            for (const lang of ['fr', 'ar'])
                for (const word of Object.keys(LABELS.en)) if (!LABELS[lang][word]) gaps.push(lang + ':' + word);
            const kinds = new Set([...DATA.relations.map((r) => r.kind), ...DATA.relations.map((r) => r.status),
                ...DATA.entities.map((e) => e.kind)]);
            for (const kind of kinds) if (!TERMS[kind]) gaps.push('term:' + kind);
            return gaps;
        })()""")

        set_day(browser, "2012-05-01")
        report["may"] = gao_holders(browser)
        report["may_label"] = browser.evaluate("document.getElementById('day-label').textContent")
        if shots:
            browser.screenshot(os.path.join(shots, "explorer-2012-05-01.png"))
        set_day(browser, "2012-08-01")
        report["august"] = gao_holders(browser)

        # Play: the day moves on by itself, and stops when asked.
        before = browser.evaluate("state.day")
        browser.click(*centre_of(browser, "#play"))
        time.sleep(1.0)
        browser.click(*centre_of(browser, "#play"))
        report["played_days"] = browser.evaluate("state.day") - before
        set_day(browser, "2012-08-01")

        browser.evaluate("""(() => { const s = document.getElementById('search'); s.focus();
            s.value = 'جاو'; s.dispatchEvent(new Event('input', {bubbles: true})); })()""")
        report["results"] = browser.evaluate("[...document.querySelectorAll('#search-results button')].map((b) => b.dataset.entity)")
        if report["results"]:
            browser.click(*centre_of(browser, "#search-results button"))
            time.sleep(0.5)
        report["focus"] = browser.evaluate("state.focus === null ? null : DATA.entities[state.focus].id")
        report["focus_name"] = browser.evaluate("document.getElementById('focus-name').textContent")
        report["focused_node"] = browser.evaluate("cy.nodes('.focus').map((n) => DATA.entities[n.data('index')].id)")

        # Click, with the mouse, the drawn control edge into Gao, at the point of it farthest
        # from every drawn node (an edge may pass under another node).
        point = browser.evaluate("""(() => {
            const edge = cy.edges().filter((e) => !e.hasClass('hidden') && DATA.relations[e.data('index')].kind === 'control')[0];
            if (!edge) return null;
            const box = document.getElementById('graph').getBoundingClientRect();
            const a = edge.renderedSourceEndpoint(), b = edge.renderedTargetEndpoint();
            const nodes = cy.nodes().filter((n) => !n.hasClass('hidden')).map((n) => n.renderedBoundingBox());
            const clearance = (p) => Math.min(...nodes.map((r) => Math.max(r.x1 - p.x, p.x - r.x2, r.y1 - p.y, p.y - r.y2)));
            let best = null;
            for (let t = 0.1; t <= 0.9; t += 0.05) {
                const p = {x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t};
                if (!best || clearance(p) > clearance(best)) best = p;
            }
            return {x: box.x + best.x, y: box.y + best.y, id: DATA.relations[edge.data('index')].id};
        })()""")
        report["clicked"] = point and point["id"]
        if point:
            browser.click(point["x"], point["y"])
            time.sleep(0.3)
        report["summary"] = browser.evaluate("(document.getElementById('relation-summary') || {}).textContent || null")
        report["details"] = browser.evaluate("document.getElementById('details').innerText")
        if shots:
            browser.screenshot(os.path.join(shots, "explorer-gao-focus.png"))
            browser.evaluate("document.querySelector('#languages [data-lang=ar]').click()")
            browser.evaluate("focusOn(null)")
            set_day(browser, "2013-02-01")
            browser.evaluate("document.querySelector('#tabs [data-tab=pair]').click()")
            time.sleep(0.5)
            browser.screenshot(os.path.join(shots, "explorer-arabic-pair.png"))
            report["dir"] = browser.evaluate("document.documentElement.dir")

        inputs = json.load(open(fold_inputs, encoding="utf-8"))
        report["folded"] = browser.evaluate(f"{json.dumps(inputs)}.map(foldKey)")
        time.sleep(0.2)
        browser.evaluate("0")  # drain the events that came in meanwhile
        report["errors"] = browser.errors
    finally:
        browser.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
