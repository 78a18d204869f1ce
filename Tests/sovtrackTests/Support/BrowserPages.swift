import Foundation
import TestSupport
import XCTest

/// Pages rendered by one headless Chromium, started once for the run: scripts/browser-pages.py
/// drives it over the DevTools protocol. Starting a Chromium took about two seconds, a page a fraction.
enum BrowserPages {
    /// What the browser made of a page.
    struct Page {
        /// Width, height, ink (share of pixels not near-white) and colours of the screenshot, as
        /// scripts/png-stats.py counts them.
        var stats: [String: Any]
        /// Every console message the page logged (script output, errors, CSP refusals).
        var console: [String]
        /// The DOM as HTML (what `--dump-dom` prints).
        var dom: String
    }

    /// A driver of `chromium`, for `LineProcess.Shared`.
    static func start(chromium: String) throws -> LineProcess {
        try LineProcess(
            ["python3", PackageRoot.file("scripts/browser-pages.py").path, chromium],
            environment: [
                "HOME": try TemporaryDirectory.make().path,
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
            ])
    }

    /// Renders `page` at `width`×`height` with `driver`; fails if it takes over `seconds`.
    static func render(_ page: URL, width: Int, height: Int, with driver: LineProcess, seconds: Double = 90) throws
        -> Page
    {
        let request = try JSONSerialization.data(withJSONObject: [
            "url": page.absoluteString, "width": width, "height": height,
        ])
        let line = try driver.ask(String(decoding: request, as: UTF8.self), within: seconds)
        guard let answer = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw LineProcessError(message: "scripts/browser-pages.py answered: \(line)")
        }
        if let error = answer["error"] as? String {
            throw LineProcessError(message: "Chromium could not render \(page.lastPathComponent): \(error)")
        }
        return Page(
            stats: answer.filter { ["width", "height", "ink", "colours"].contains($0.key) },
            console: answer["console"] as? [String] ?? [], dom: answer["dom"] as? String ?? "")
    }
}
