import XCTest

@testable import DealKit

/// The pieces of the Epoch mapping: dates, ids, list cells, numbers, titles.
final class EpochMapperTests: XCTestCase {
    func testDateNotesKeepTheirPrecision() {
        func note(_ s: String) -> String? { EpochDate.note(s).map { "\($0.date)\($0.planned ? " planned" : "")" } }
        XCTAssertEqual(note("Planned 2028"), "2028 planned")
        XCTAssertEqual(note("Planned H2 2026"), "2026-H2 planned")
        XCTAssertEqual(note("Planned Q1 2028"), "2028-Q1 planned")
        XCTAssertEqual(note("Planned 2029-02"), "2029-02 planned")
        XCTAssertEqual(note("Planned for end of 2023"), "2023 planned")
        XCTAssertEqual(note("Q1 2024"), "2024-Q1")
        XCTAssertEqual(note("2016"), "2016")
        XCTAssertEqual(note("2025-06"), "2025-06")
        XCTAssertEqual(note("2018-06-08"), "2018-06-08")
        XCTAssertEqual(note("June 2025"), "2025-06")
        XCTAssertNil(note("Planned"))
        XCTAssertNil(note("completion unclear"))
        XCTAssertNil(note("Initially 2023 but delayed to 2025"))
        XCTAssertNil(note("2025-13"))
    }

    func testFirstOperationalDatePrefersTheNoteWhenItIsCoarserButAgrees() {
        func first(_ date: String, _ note: String) -> String? {
            EpochDate.firstOperational(date: date, note: note).map { "\($0.date)\($0.planned ? " planned" : "")" }
        }
        XCTAssertEqual(first("2016-07-01", "2016"), "2016")
        XCTAssertEqual(first("2023-11-15", "Q4 2023"), "2023-Q4")
        XCTAssertEqual(first("2025-10-15", "2025-10"), "2025-10")
        XCTAssertEqual(first("2019-11-15", ""), "2019-11-15")
        // A note that disagrees does not override the column.
        XCTAssertEqual(first("2019-11-15", "2018"), "2019-11-15")
        XCTAssertEqual(first("", "Planned H2 2026"), "2026-H2 planned")
        XCTAssertNil(first("", "Planned"))
        XCTAssertNil(first("soon", ""))
    }

    func testCaptureYearComesFromWaybackURLsOnly() {
        XCTAssertEqual(EpochDate.captureYear("https://web.archive.org/web/20240904145755/https://www.ornl.gov/x"), 2024)
        XCTAssertEqual(EpochDate.captureYear("http://web.archive.org/web/20250517061228/https://ir.amd.com/"), 2025)
        XCTAssertNil(EpochDate.captureYear("https://web.archive.org/https://www.olcf.ornl.gov/"))
        XCTAssertNil(EpochDate.captureYear("https://archive.ph/RTF6i"))
        XCTAssertNil(EpochDate.captureYear("https://www.nextplatform.com/2017/10/05/x/"))
    }

    func testSlugsAreValidIdsAndFoldDiacritics() {
        XCTAssertEqual(EpochID.slug("Petrobras Fênix Phase 1"), "petrobras-fenix-phase-1")
        XCTAssertEqual(EpochID.slug("\"Jupiter, Jülich\""), "jupiter-julich")
        XCTAssertEqual(EpochID.slug("Meta $200B Campus Rumor"), "meta-200b-campus-rumor")
        XCTAssertEqual(EpochID.slug("  --Abu Dhabi UAE/USA 5GW-- "), "abu-dhabi-uae-usa-5gw")
        XCTAssertEqual(EpochID.base("Sakura's B200s Phase 2"), "epoch-sakuras-b200s-phase-2")
        XCTAssertEqual(EpochID.slug("NHN Cloud’s National AI Data Center"), "nhn-clouds-national-ai-data-center")
        // A name with no ASCII letter or digit still gets a valid id.
        let id = EpochID.base("天河")
        XCTAssertNil(DealValidator.idProblem(id))
        XCTAssertEqual(id.count, "epoch-".count + 6)
    }

    func testHashIsStableAcrossRuns() {
        // FNV-1a is fixed by definition; these values must never change, or every id would.
        XCTAssertEqual(EpochID.hash(""), "cbf29c")
        XCTAssertEqual(EpochID.hash("a"), "af63dc")
        XCTAssertEqual(EpochID.hash("Anonymized Chinese System").count, 6)
    }

    func testIdsOfRowsSharingANameAreDistinctAndIndependentOfRowOrder() {
        let header = EpochHeader(["Name", "Country", "Status", "Power Capacity (MW)"])
        func row(_ n: Int, _ cells: [String]) -> EpochRow { EpochRow(line: n, fields: cells, header: header) }
        let rows = [
            row(2, ["Anonymized Chinese System", "China", "Existing", "1"]),
            row(3, ["Anonymized Chinese System", "China", "Existing", "2"]),
            row(4, ["Anonymized Chinese System", "China", "Existing", "1"]),
            row(5, ["Unique Cluster", "China", "Existing", "1"]),
            row(6, ["Foo Bar", "China", "Existing", "1"]),
            row(7, ["foo-bar", "China", "Existing", "1"]),
            row(8, ["", "China", "Existing", "1"]),
        ]
        let ids = EpochID.assign(rows)
        XCTAssertEqual(ids[3], "epoch-unique-cluster")
        XCTAssertNil(ids[6])
        XCTAssertEqual(Set(ids.compactMap { $0 }).count, 6, "\(ids)")
        XCTAssertEqual(ids[2], ids[0]! + "-2", "identical rows are numbered")
        XCTAssertTrue(ids[4]!.hasPrefix("epoch-foo-bar-") && ids[5]!.hasPrefix("epoch-foo-bar-"))
        for id in ids.compactMap({ $0 }) { XCTAssertNil(DealValidator.idProblem(id), id) }
        // The same rows in another order keep their ids (two identical rows may swap, unseen).
        let reversed = Array(EpochID.assign(Array(rows.reversed())).reversed())
        for i in [1, 3, 4, 5, 6] { XCTAssertEqual(reversed[i], ids[i]) }
        XCTAssertEqual(Set([reversed[0], reversed[2]]), Set([ids[0], ids[2]]))
    }

    func testListCellsSplitOnCommasWithoutASpace() {
        XCTAssertEqual(EpochMapper.list("Academia,Researchers"), ["Academia", "Researchers"])
        XCTAssertEqual(
            EpochMapper.list("Aerospace, Defense, and Security,Leonardo SpA"),
            ["Aerospace, Defense, and Security", "Leonardo SpA"])
        XCTAssertEqual(EpochMapper.list(" OpenAI,Microsoft,"), ["OpenAI", "Microsoft"])
        XCTAssertEqual(EpochMapper.list("Oak Ridge, Tennessee"), ["Oak Ridge, Tennessee"])
        XCTAssertEqual(EpochMapper.list(""), [])
    }

    func testCustomersAreNamesNotProse() {
        XCTAssertEqual(
            EpochMapper.customers("industry,academia,and government in Japan"),
            ["industry", "academia", "government in Japan"])
        XCTAssertEqual(EpochMapper.customers("Cloud,Azure"), ["Cloud", "Azure"])
        XCTAssertNil(EpochMapper.customers("Tesla,but \"“It's probably going to make more sense to have Dojo operate"))
        XCTAssertNil(EpochMapper.customers("Biomedical scientific community,including companies and the UK gov,NVIDIA"))
        XCTAssertEqual(EpochMapper.customers(""), [])
    }

    func testNumbersAndJSONLiterals() {
        XCTAssertEqual(EpochMapper.number("0.3"), 0.3)
        XCTAssertEqual(EpochMapper.number("9.9e+22"), 9.9e22)
        XCTAssertNil(EpochMapper.number("-1"))
        XCTAssertNil(EpochMapper.number("inf"))
        XCTAssertNil(EpochMapper.number("0x10"))
        XCTAssertNil(EpochMapper.number("1,000"))
        // Issue 11: as JSON would, and nothing that turns into 0 or infinity.
        for t in ["0x1p-2", "1e-400", "1e400", "nan", "+5", ".5", "0x10"] { XCTAssertNil(EpochMapper.number(t), t) }
        XCTAssertEqual(EpochMapper.number("0e5"), 0)
        XCTAssertEqual(EpochMapper.number("0.0"), 0)
        XCTAssertEqual(EpochMapper.tidy(96.09600000000002), 96.096)
        XCTAssertEqual(EpochMapper.tidy(0.29842176000000004), 0.29842176)
        XCTAssertEqual(EpochMapper.tidy(5000), 5000)
        for ok in ["0", "-0.5", "12", "9.9e+22", "1E5", "1024.0000000150794"] {
            XCTAssertTrue(EpochMapper.isJSONNumber(ok), ok)
        }
        for bad in ["", ".5", "1.", "01", "+1", "1e", "NaN", "1,5", "0x1"] {
            XCTAssertFalse(EpochMapper.isJSONNumber(bad), bad)
        }
        XCTAssertEqual(EpochMapper.jsonValue("True"), .bool(true))
        XCTAssertEqual(EpochMapper.jsonValue("42"), .number("42"))
        XCTAssertEqual(EpochMapper.jsonValue("Yes"), .string("Yes"))
    }

    func testTitlesAndSites() {
        XCTAssertEqual(EpochMapper.title("\"Jupiter, Jülich\""), "Jupiter, Jülich")
        XCTAssertEqual(EpochMapper.title("Paper on Flamingo "), "Paper on Flamingo")
        XCTAssertEqual(EpochMapper.title("\"A\" and \"B\""), "\"A\" and \"B\"")
        XCTAssertEqual(
            EpochMapper.site("Oak Ridge National Laboratory\n5200, 1 Bethel Valley Rd"),
            "Oak Ridge National Laboratory, 5200, 1 Bethel Valley Rd")
        XCTAssertNil(EpochMapper.site("Korea (Republic of)"))
        XCTAssertNil(EpochMapper.site("China"))
        XCTAssertNil(EpochMapper.site("  "))
    }

    func testHeaderMatchesNamesWithoutCaseOrSpacing() {
        let header = EpochHeader([" name ", "GPU SUPPLIER  (primary)", "Country", "Status", "Extra Column"])
        XCTAssertEqual(header.index(of: EpochColumn.name), 0)
        XCTAssertEqual(header.index(of: EpochColumn.supplierPrimary), 1)
        XCTAssertNil(header.index(of: EpochColumn.users))
        XCTAssertEqual(header.index(of: "extra column"), 4)
        XCTAssertEqual(header.missingRequired, [])
        XCTAssertEqual(EpochHeader(["Name", "Owner"]).missingRequired, ["Country", "Status"])
    }
}
