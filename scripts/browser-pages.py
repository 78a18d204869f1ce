#!/usr/bin/env python3
"""Renders pages in one headless Chromium, started once, for as many pages as asked (standard library only).

    browser-pages.py CHROMIUM

Reads one JSON request a line on standard input, {"url": "file:///...", "width": W, "height": H},
and answers each with one JSON line:
    {"width": W, "height": H, "ink": share of pixels not near-white, "colours": distinct colours
     (of a sample), "console": [every console message the page logged], "dom": the DOM as HTML}
or {"error": "..."}. It ends at the end of its input, and Chromium with it.

The figures are those of scripts/png-stats.py on Chromium's --screenshot, and "console" holds
what --enable-logging=stderr logs as CONSOLE lines (console calls, errors, CSP refusals). A
Chromium per page took about two seconds to start (ReportBrowserTests started seven); this
starts one, talking to it over --remote-debugging-pipe (DevTools protocol, fds 3 and 4).
"""
import base64, json, os, select, shlex, shutil, subprocess, sys, tempfile, time

TIMEOUT = 60


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="sovtrack-chromium-")
        to_child, self.out = os.pipe()
        self.inp, from_child = os.pipe()
        args = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--no-default-browser-check", "--remote-debugging-pipe", f"--user-data-dir={self.profile}",
            "about:blank",
        ]
        # The shell puts the pipes at 3 and 4, where Chromium looks for them.
        cmd = " ".join(shlex.quote(a) for a in args) + f" 3<&{to_child} 4>&{from_child}"
        self.proc = subprocess.Popen(
            ["/bin/sh", "-c", "exec " + cmd], pass_fds=(to_child, from_child), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self.buffer, self.next_id, self.events = b"", 0, []

    def close(self):
        try:
            self.send("Browser.close", wait=False)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.inp], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.inp, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, wait=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = self.read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, session, deadline):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method and m.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self.read_message(deadline))

    def page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return target, session

    def evaluate(self, session, expression):
        r = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate: {r['exceptionDetails']}")
        return r["result"].get("value")

    def render(self, url, width, height):
        target, session = self.page()
        try:
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable", session=session)
            self.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
            self.events = [m for m in self.events if m.get("sessionId") != session]
            self.send("Page.navigate", {"url": url}, session)
            self.wait_event("Page.loadEventFired", session, time.monotonic() + TIMEOUT)
            # Two frames after the load: laid out and painted, as --screenshot waits for.
            self.evaluate(session, "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            png = self.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
            dom = self.evaluate(session, "document.documentElement.outerHTML")
            console = []
            for m in self.events:
                if m.get("sessionId") != session:
                    continue
                p = m.get("params", {})
                if m.get("method") == "Runtime.consoleAPICalled":
                    console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
                elif m.get("method") == "Log.entryAdded" and p["entry"].get("level") != "verbose":
                    console.append(p["entry"].get("text", ""))
                elif m.get("method") == "Runtime.exceptionThrown":
                    console.append(p["exceptionDetails"].get("text", "exception"))
            self.events = [m for m in self.events if m.get("sessionId") != session]
        finally:
            self.send("Target.closeTarget", {"targetId": target})
        return png, dom, console

    def stats(self, png):
        """png-stats.py's figures, read from the PNG by the browser's own decoder (Python's loop took seconds)."""
        target, session = self.page()
        try:
            return self.evaluate(session, STATS % json.dumps(png))
        finally:
            self.send("Target.closeTarget", {"targetId": target})
            self.events = [m for m in self.events if m.get("sessionId") != session]


# Every second pixel of every second row: ink is the share with a channel under 235, colours
# the distinct RGB values of the first 4,096 seen (as png-stats.py counts them).
STATS = """(async () => {
  const img = new Image();
  img.src = "data:image/png;base64," + %s;
  await img.decode();
  const w = img.naturalWidth, h = img.naturalHeight;
  const canvas = new OffscreenCanvas(w, h);
  const g = canvas.getContext("2d", {colorSpace: "srgb"});
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, w, h).data;
  let ink = 0, total = 0;
  const seen = new Set();
  for (let y = 0; y < h; y += 2) {
    for (let x = 0; x < w; x += 2) {
      const i = (y * w + x) * 4;
      total++;
      if (Math.min(d[i], d[i + 1], d[i + 2]) < 235) ink++;
      if (seen.size < 4096) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
  }
  return {width: w, height: h, ink: Math.round(ink / Math.max(total, 1) * 10000) / 10000, colours: seen.size};
})()"""


def main():
    browser = Browser(sys.argv[1])
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
                png, dom, console = browser.render(request["url"], request["width"], request["height"])
                answer = browser.stats(png)
                answer.update({"console": console, "dom": dom})
                if request.get("png"):
                    with open(request["png"], "wb") as f:
                        f.write(base64.b64decode(png))
            except Exception as e:
                answer = {"error": f"{type(e).__name__}: {e}"}
            print(json.dumps(answer), flush=True)
    finally:
        browser.close()


main()
