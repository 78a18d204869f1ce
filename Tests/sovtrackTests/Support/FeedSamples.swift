import Foundation

/// Feed documents for end-to-end tests.
enum FeedSamples {
    /// A valid feed using every field, unknown keys at every level, and values that need care in CSV and tables.
    static let everything = #"""
        {
          "format": "sovtrack-feed",
          "version": 1,
          "updated": "2026-06-10",
          "deals": [
            {
              "id": "eu-pilot",
              "title": "=Pilot, phase 1",
              "country": "EU",
              "announced": "2026-Q3",
              "status": "planned",
              "sponsor": "-European \"Commission\"",
              "partners": [
                {"name": "NVIDIA", "role": "vendor"},
                {"name": "Say, Inc", "role": "investor", "x-share": 0.25},
                {"name": "@ops", "role": "operator"}
              ],
              "platform": "+DSX",
              "site": "line1\nline2",
              "capacity": {"initialMW": 12.5, "targetMW": 300, "operationalMW": null, "confidence": "reported", "x-phase": "p1"},
              "accelerators": {"count": 18000, "type": "GB300", "x-gen": 3},
              "investment": {"amount": 1500000000, "currency": "EUR", "x-fx": 1.50},
              "models": ["HyperCLOVA X", "ソフトバンク model"],
              "milestones": [
                {"date": "2026-H2", "event": "Launch", "done": false, "x-ref": [true, null]}
              ],
              "sources": [
                {"title": "Article", "publisher": "P", "url": "https://a.test/x?a=1,2", "date": "2026-06-10", "x-lang": "ko"}
              ],
              "tags": ["pilot"],
              "notes": "multi\nline",
              "x-future": {"a": [1.50, 12345678901234567890]}
            },
            {
              "id": "sa-humain",
              "title": "هيوماين HUMAIN",
              "country": "SA",
              "announced": "2025-05",
              "status": "operational",
              "partners": [
                {"name": "鴻海", "role": "vendor"}
              ],
              "capacity": {"initialMW": null, "targetMW": null, "operationalMW": 0},
              "sources": [
                {"url": "https://b.test"}
              ]
            }
          ],
          "x-top": 12345678901234567890
        }

        """#
}
