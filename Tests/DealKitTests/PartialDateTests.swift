import XCTest

@testable import DealKit

final class PartialDateTests: XCTestCase {
    func testParsesEveryPrecisionAndPrintsItAsWritten() {
        for text in ["2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "2026-06", "2026-06-07", "2024-02-29"] {
            XCTAssertEqual(PartialDate(text)?.description, text)
        }
    }

    func testRejectsMalformedDates() {
        for text in [
            "", "26", "2026-13", "2026-13-45", "2026-02-30", "2025-02-29", "2026-H3", "2026-Q0", "2026-Q5",
            "2026-6", "2026-06-7", "2026/06/07", "2026-06-07T00:00", " 2026", "２０２６", "2026-h1",
        ] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testOrdersByFirstDayThenLessPreciseFirst() {
        let sorted = [
            "2026-07-01", "2026-H2", "2026", "2026-Q3", "2026-07", "2026-01", "2026-H1", "2025-12-31", "2026-Q1",
        ]
        .compactMap { PartialDate($0) }.sorted().map(\.description)
        XCTAssertEqual(
            sorted,
            ["2025-12-31", "2026", "2026-H1", "2026-Q1", "2026-01", "2026-H2", "2026-Q3", "2026-07", "2026-07-01"])
    }

    func testPeriodBounds() {
        XCTAssertEqual(PartialDate("2026-H2")!.startKey, 20_260_701)
        XCTAssertEqual(PartialDate("2026-H2")!.endKey, 20_261_231)
        XCTAssertEqual(PartialDate("2024-Q1")!.endKey, 20_240_331)
        XCTAssertEqual(PartialDate("2024-02")!.endKey, 20_240_229)
        XCTAssertEqual(PartialDate("2026-06-07")!.endKey, 20_260_607)
    }
}

final class PartialDateOrderTests: XCTestCase {
    private func d(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> PartialDate {
        guard let v = PartialDate(s) else {
            XCTFail("\(s) should parse", file: file, line: line)
            return PartialDate(year: 1, month: 1, day: 1)
        }
        return v
    }

    func testDocumentedChainIsStrictlyIncreasing() {
        let chain = [
            "2026", "2026-H1", "2026-Q1", "2026-01", "2026-01-01", "2026-01-02", "2026-Q2", "2026-H2", "2026-07-01",
        ]
        for i in 0..<chain.count {
            for j in 0..<chain.count {
                XCTAssertEqual(d(chain[i]) < d(chain[j]), i < j, "\(chain[i]) < \(chain[j])")
            }
        }
    }

    func testEveryPrecisionTiesOnTheFirstOfJanuaryOrderedByPrecision() {
        let sameStart = ["2030-01-01", "2030-01", "2030-Q1", "2030-H1", "2030"].map { d($0) }
        XCTAssertEqual(sameStart.sorted().map(\.description), ["2030", "2030-H1", "2030-Q1", "2030-01", "2030-01-01"])
        for x in sameStart { XCTAssertEqual(x.startKey, 20_300_101, x.description) }
    }

    func testTiesInsideTheYear() {
        // Each pair starts on the same day; the less precise comes first.
        let pairs = [
            ("2026-H2", "2026-Q3"), ("2026-Q3", "2026-07"), ("2026-07", "2026-07-01"),
            ("2026-Q2", "2026-04"), ("2026-Q4", "2026-10"), ("2026-10", "2026-10-01"),
        ]
        for (a, b) in pairs {
            XCTAssertTrue(d(a) < d(b), "\(a) < \(b)")
            XCTAssertFalse(d(b) < d(a), "not \(b) < \(a)")
            XCTAssertNotEqual(d(a), d(b))
            XCTAssertEqual(d(a).startKey, d(b).startKey)
        }
    }

    func testEqualDatesAreNeitherLessNorGreater() {
        for s in ["2026", "2026-H2", "2026-Q3", "2026-07", "2026-07-31"] {
            XCTAssertEqual(d(s), d(s))
            XCTAssertFalse(d(s) < d(s), s)
            XCTAssertEqual(d(s).hashValue, d(s).hashValue)
        }
        XCTAssertEqual(Set(["2026", "2026", "2026-01", "2026-01"].map { d($0) }).count, 2)
    }

    func testLaterStartWinsOverPrecision() {
        XCTAssertTrue(d("2025-12-31") < d("2026"))
        XCTAssertTrue(d("2025") < d("2025-12-31"))
        XCTAssertTrue(d("2026-06-30") < d("2026-H2"))
        XCTAssertTrue(d("2026-Q1") < d("2026-02"))
        XCTAssertTrue(d("2026-03-31") < d("2026-Q2"))
        XCTAssertTrue(d("2025-H2") < d("2026-H1"))
        XCTAssertTrue(d("0999") < d("1000"))
    }

    func testLeapYears() {
        XCTAssertNotNil(PartialDate("2024-02-29"))
        XCTAssertNotNil(PartialDate("2000-02-29"), "divisible by 400 is a leap year")
        XCTAssertNil(PartialDate("1900-02-29"), "divisible by 100 but not 400 is not")
        XCTAssertNil(PartialDate("2100-02-29"))
        XCTAssertNil(PartialDate("2026-02-29"))
        XCTAssertNil(PartialDate("2024-02-30"))
        XCTAssertEqual(PartialDate.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(PartialDate.daysIn(month: 2, year: 2000), 29)
        XCTAssertEqual(PartialDate.daysIn(month: 2, year: 1900), 28)
        XCTAssertEqual(PartialDate.daysIn(month: 2, year: 2026), 28)
        XCTAssertEqual(d("2024-02").endKey, 20_240_229)
        XCTAssertEqual(d("2023-02").endKey, 20_230_228)
        XCTAssertEqual(d("2024-Q1").endKey, 20_240_331)
        XCTAssertEqual(d("2024-02-28") < d("2024-02-29"), true)
        XCTAssertEqual(d("2024-02-29") < d("2024-03"), true)
    }

    func testDaysPerMonth() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (i, n) in lengths.enumerated() {
            let m = i + 1
            let mm = m < 10 ? "0\(m)" : "\(m)"
            XCTAssertNotNil(PartialDate("2026-\(mm)-\(n)"), "2026-\(mm)-\(n)")
            XCTAssertNil(PartialDate("2026-\(mm)-\(n + 1)"), "2026-\(mm)-\(n + 1)")
            XCTAssertNil(PartialDate("2026-\(mm)-00"))
            XCTAssertEqual(PartialDate.daysIn(month: m, year: 2026), n)
        }
    }

    func testBoundsOfEveryPrecision() {
        let cases: [(String, Int, Int)] = [
            ("2026", 20_260_101, 20_261_231),
            ("2026-H1", 20_260_101, 20_260_630), ("2026-H2", 20_260_701, 20_261_231),
            ("2026-Q1", 20_260_101, 20_260_331), ("2026-Q2", 20_260_401, 20_260_630),
            ("2026-Q3", 20_260_701, 20_260_930), ("2026-Q4", 20_261_001, 20_261_231),
            ("2026-01", 20_260_101, 20_260_131), ("2026-04", 20_260_401, 20_260_430),
            ("2026-12", 20_261_201, 20_261_231),
            ("2026-06-07", 20_260_607, 20_260_607),
            ("0000", 101, 1231), ("9999-12-31", 99_991_231, 99_991_231),
        ]
        for (s, start, end) in cases {
            XCTAssertEqual(d(s).startKey, start, s)
            XCTAssertEqual(d(s).endKey, end, s)
            XCTAssertLessThanOrEqual(d(s).startKey, d(s).endKey)
        }
    }

    func testMonthRangeOfPeriods() {
        XCTAssertEqual([d("2026").firstMonth, d("2026").lastMonth], [1, 12])
        XCTAssertEqual([d("2026-H2").firstMonth, d("2026-H2").lastMonth], [7, 12])
        XCTAssertEqual([d("2026-Q3").firstMonth, d("2026-Q3").lastMonth], [7, 9])
        XCTAssertEqual([d("2026-05").firstMonth, d("2026-05").lastMonth], [5, 5])
        XCTAssertEqual([d("2026-05-09").firstMonth, d("2026-05-09").lastMonth], [5, 5])
    }

    func testPrecisionAndParts() {
        XCTAssertEqual(d("2026").precision, .year)
        XCTAssertEqual(d("2026-H2").precision, .half)
        XCTAssertEqual(d("2026-H2").part, 2)
        XCTAssertEqual(d("2026-Q3").precision, .quarter)
        XCTAssertEqual(d("2026-Q3").part, 3)
        XCTAssertEqual(d("2026-06").precision, .month)
        XCTAssertEqual(d("2026-06-07").precision, .day)
        XCTAssertEqual(d("2026-06-07").day, 7)
        XCTAssertTrue(
            PartialDate.Precision.year < .half && PartialDate.Precision.half < .quarter
                && PartialDate.Precision.quarter < .month && PartialDate.Precision.month < .day)
    }

    func testMoreMalformedDates() {
        for text in [
            "2026-00", "2026-00-10", "2026-H0", "2026-Q", "2026-H", "2026-", "2026--01", "20260", "2026-06-07 ",
            "2026-1-01", "2026-Q1-01", "2026-H1-01", "2026-12-32", "2026-04-31", "-2026", "+2026", "2026.06",
            "2026-06-07Z", "abcd", "2026-0６",
        ] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testZeroPaddedYearsRoundTrip() {
        for text in ["0001", "0099-Q2", "0999-12-31", "9999"] {
            XCTAssertEqual(PartialDate(text)?.description, text)
        }
        XCTAssertEqual(PartialDate(year: 2026, month: 6, day: 7).description, "2026-06-07")
        XCTAssertEqual(PartialDate(year: 2026, month: 6, day: 7), d("2026-06-07"))
    }

    func testParsesSubstrings() {
        let line = "x 2026-Q3 y"
        let slice = line.split(separator: " ")[1]
        XCTAssertEqual(PartialDate(slice)?.description, "2026-Q3")
    }

    func testTheTextAsBytesIsTheDescription() {
        let dates = [
            PartialDate("2026")!, PartialDate("2026-H2")!, PartialDate("2026-Q1")!, PartialDate("2026-09")!,
            PartialDate("2026-12-31")!, PartialDate("0007-01-02")!,
            // Out of the digits' range (the index could hold such a value): the slow path.
            PartialDate(year: 12_345, precision: .month, part: 11, day: 0),
            PartialDate(year: -3, precision: .day, part: 1, day: 1),
        ]
        for d in dates {
            XCTAssertEqual(d.withText { String(decoding: $0, as: UTF8.self) }, d.description)
        }
    }
}
