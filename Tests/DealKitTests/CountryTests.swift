import Foundation
import XCTest

@testable import DealKit

final class CountryTests: XCTestCase {
    // MARK: The table

    func testAllHasEveryISOCountryPlusEUSortedByCode() {
        let codes = Countries.all.map(\.code)
        XCTAssertEqual(codes.count, 250, "249 ISO 3166-1 entries plus EU")
        XCTAssertEqual(Set(codes).count, codes.count, "codes are unique")
        XCTAssertEqual(codes, codes.sorted())
        XCTAssertEqual(Countries.all, Countries.all.sorted())
        for code in codes {
            XCTAssertTrue(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }, code)
        }
        XCTAssertEqual(Countries.byCode("EU")?.name, "European Union")
    }

    /// Cross-checks the generated table against the system's iso-codes, when it is installed.
    func testTableMatchesISOCodesJSON() throws {
        let url = URL(fileURLWithPath: "/usr/share/iso-codes/json/iso_3166-1.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("iso-codes is not installed")
        }
        struct Entry: Decodable {
            let alpha2: String
            let name: String
            let officialName: String?
            let commonName: String?

            enum CodingKeys: String, CodingKey {
                case alpha2 = "alpha_2"
                case name
                case officialName = "official_name"
                case commonName = "common_name"
            }
        }
        let entries = try JSONDecoder().decode([String: [Entry]].self, from: Data(contentsOf: url))["3166-1"] ?? []
        XCTAssertEqual(entries.count, 249)
        let records = Dictionary(uniqueKeysWithValues: CountryTable.records.map { ($0.code, $0) })
        for e in entries {
            guard let r = records[e.alpha2] else {
                XCTFail("\(e.alpha2) missing from CountryTable; rerun scripts/gen-countries.py")
                continue
            }
            XCTAssertEqual(r.isoName, e.name)
            XCTAssertEqual(r.officialName, e.officialName)
            XCTAssertEqual(r.commonName, e.commonName)
            for spelling in [e.alpha2, e.name, e.officialName, e.commonName].compactMap({ $0 }) {
                XCTAssertEqual(Countries.lookup(spelling)?.code, e.alpha2, spelling)
            }
        }
    }

    func testDisplayNamesAreTheCommonForms() {
        let expected = [
            "KR": "South Korea", "KP": "North Korea", "GB": "United Kingdom", "US": "United States",
            "RU": "Russia", "TW": "Taiwan", "VN": "Vietnam", "IR": "Iran", "SY": "Syria", "LA": "Laos",
            "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "FM": "Micronesia",
            "PS": "Palestine", "CD": "DR Congo", "CG": "Congo", "TR": "Türkiye", "CZ": "Czechia",
            "NL": "Netherlands", "BN": "Brunei", "CN": "China", "FR": "France", "DE": "Germany",
            "JP": "Japan", "EU": "European Union",
        ]
        for (code, name) in expected {
            XCTAssertEqual(Countries.byCode(code)?.name, name, code)
        }
    }

    // MARK: byCode

    func testByCodeIsExactUpperCaseAlpha2() {
        XCTAssertEqual(Countries.byCode("KR"), Country(code: "KR", name: "South Korea"))
        XCTAssertNil(Countries.byCode("kr"))
        XCTAssertNil(Countries.byCode("Kr"))
        XCTAssertNil(Countries.byCode(" KR"))
        XCTAssertNil(Countries.byCode("KOR"))
        XCTAssertNil(Countries.byCode("UK"))
        XCTAssertNil(Countries.byCode("South Korea"))
        XCTAssertNil(Countries.byCode(""))
        for country in Countries.all {
            XCTAssertEqual(Countries.byCode(country.code), country)
        }
    }

    // MARK: lookup

    func testEveryTableSpellingFindsItsOwnCountry() {
        for record in CountryTable.records {
            for spelling in record.spellings {
                XCTAssertEqual(Countries.lookup(spelling)?.code, record.code, "\(spelling) should find \(record.code)")
            }
            XCTAssertEqual(Countries.lookup(record.code.lowercased())?.code, record.code)
            if let alpha3 = record.alpha3 {
                XCTAssertEqual(Countries.lookup(alpha3.lowercased())?.code, record.code)
            }
        }
    }

    func testNoKeyIsSharedByTwoCountries() {
        XCTAssertEqual(Countries.index.conflicts, [:])
    }

    /// An alias that normalises to one of the country's own names only adds noise to the generator's list.
    func testEveryAliasAddsSomething() {
        for record in CountryTable.records {
            let own = Set(
                ([record.code, record.name, record.isoName]
                    + [record.alpha3, record.officialName, record.commonName].compactMap { $0 })
                    .map(Countries.lookupKey))
            for alias in record.aliases {
                XCTAssertFalse(own.contains(Countries.lookupKey(alias)), "\(record.code) alias \(alias) is redundant")
            }
        }
    }

    func testAliasesAndOtherDatasetsStyles() {
        let cases: [(String, String)] = [
            ("Korea (Republic of)", "KR"), ("Korea, Republic of", "KR"), ("Republic of Korea", "KR"),
            ("South Korea", "KR"), ("Korea (the Republic of)", "KR"), ("Korea, Rep.", "KR"), ("ROK", "KR"),
            ("Korea (the Democratic People's Republic of)", "KP"), ("North Korea", "KP"), ("DPRK", "KP"),
            ("Philippines (the)", "PH"), ("Netherlands (the)", "NL"), ("The Netherlands", "NL"), ("Holland", "NL"),
            ("United Kingdom of Great Britain and Northern Ireland", "GB"),
            ("United Kingdom of Great Britain and Northern Ireland (the)", "GB"),
            ("UK", "GB"), ("U.K.", "GB"), ("uk", "GB"), ("Great Britain", "GB"), ("Britain", "GB"),
            ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
            ("USA", "US"), ("U.S.A.", "US"), ("U.S.", "US"), ("US", "US"), ("us", "US"), ("the US", "US"),
            ("United States of America", "US"), ("United States of America (the)", "US"), ("America", "US"),
            ("Russia", "RU"), ("Russian Federation", "RU"), ("Russian Federation (the)", "RU"),
            ("Taiwan", "TW"), ("Taiwan, Province of China", "TW"), ("Taiwan (Province of China)", "TW"),
            ("Republic of China", "TW"),
            ("China", "CN"), ("People's Republic of China", "CN"), ("PRC", "CN"),
            ("Hong Kong", "HK"), ("Hong Kong SAR, China", "HK"), ("Macau", "MO"), ("Macao", "MO"),
            ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Iran", "IR"), ("Iran (Islamic Republic of)", "IR"),
            ("Turkey", "TR"), ("Türkiye", "TR"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
            ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Cote d'Ivoire", "CI"),
            ("Swaziland", "SZ"), ("Eswatini", "SZ"), ("Burma", "MM"), ("Myanmar", "MM"),
            ("UAE", "AE"), ("United Arab Emirates", "AE"), ("United Arab Emirates (the)", "AE"),
            ("KSA", "SA"), ("Saudi Arabia", "SA"),
            ("Laos", "LA"), ("Lao People's Democratic Republic (the)", "LA"), ("Lao PDR", "LA"),
            ("Syria", "SY"), ("Syrian Arab Republic", "SY"), ("Moldova", "MD"), ("Moldova (the Republic of)", "MD"),
            ("Bolivia", "BO"), ("Bolivia (Plurinational State of)", "BO"),
            ("Venezuela", "VE"), ("Venezuela (Bolivarian Republic of)", "VE"), ("Venezuela, RB", "VE"),
            ("Tanzania", "TZ"), ("Tanzania, the United Republic of", "TZ"),
            ("Brunei", "BN"), ("Brunei Darussalam", "BN"), ("Cape Verde", "CV"), ("Cabo Verde", "CV"),
            ("East Timor", "TL"), ("Timor-Leste", "TL"),
            ("Vatican", "VA"), ("Vatican City", "VA"), ("Holy See", "VA"), ("Holy See (the)", "VA"),
            ("DRC", "CD"), ("DR Congo", "CD"), ("Democratic Republic of the Congo", "CD"),
            ("Democratic Republic of Congo", "CD"), ("Congo (the Democratic Republic of the)", "CD"),
            ("Congo, Dem. Rep.", "CD"),
            ("Congo", "CG"), ("Congo (the)", "CG"), ("Congo-Brazzaville", "CG"), ("Republic of the Congo", "CG"),
            ("Republic of Congo", "CG"), ("Congo, Rep.", "CG"),
            ("North Macedonia", "MK"), ("Macedonia", "MK"), ("Macedonia (the former Yugoslav Republic of)", "MK"),
            ("Palestine", "PS"), ("Palestine, State of", "PS"), ("State of Palestine", "PS"),
            ("Micronesia", "FM"), ("Micronesia (Federated States of)", "FM"),
            ("Bahamas (the)", "BS"), ("Bahamas, The", "BS"), ("Gambia (the)", "GM"), ("Gambia, The", "GM"),
            ("Guinea", "GN"), ("Guinea-Bissau", "GW"), ("Equatorial Guinea", "GQ"),
            ("Niger", "NE"), ("Nigeria", "NG"), ("Sudan", "SD"), ("South Sudan", "SS"),
            ("Dominica", "DM"), ("Dominican Republic", "DO"), ("Ireland", "IE"),
            ("Virgin Islands (British)", "VG"), ("Virgin Islands (U.S.)", "VI"), ("US Virgin Islands", "VI"),
            ("Falkland Islands (the) [Malvinas]", "FK"),
            ("St. Lucia", "LC"), ("St Kitts & Nevis", "KN"), ("Trinidad & Tobago", "TT"),
            ("St. Vincent and the Grenadines", "VC"), ("ST", "ST"), ("st", "ST"),
            ("EU", "EU"), ("eu", "EU"), ("European Union", "EU"), ("EL", "GR"),
            ("KOR", "KR"), ("gbr", "GB"), ("DEU", "DE"),
        ]
        for (text, code) in cases {
            XCTAssertEqual(Countries.lookup(text)?.code, code, text)
        }
    }

    func testAmbiguousOrUnknownTextFindsNothing() {
        for text in [
            "Korea", "korea", "Korea (the)", "Europe", "Virgin Islands", "Asia", "Africa",
            "", "   ", "the", "N/A", "XX", "Narnia", "South", "Republic of", "Kosovo",
        ] {
            XCTAssertNil(Countries.lookup(text), text)
        }
    }

    func testLookupIgnoresCaseDiacriticsPunctuationAndSpacing() {
        let cases: [(String, String)] = [
            ("TÜRKIYE", "TR"), ("turkiye", "TR"), ("tUrKiYe", "TR"),
            ("CÔTE D'IVOIRE", "CI"), ("cote divoire", "CI"), ("Côte d\u{2019}Ivoire", "CI"), ("Cote-d'Ivoire", "CI"),
            ("  united   KINGDOM  ", "GB"), ("\tSouth\u{00A0}Korea\n", "KR"), ("south-korea", "KR"),
            ("reunion", "RE"), ("RÉUNION", "RE"), ("Curacao", "CW"), ("aland islands", "AX"),
            ("São Tomé & Príncipe", "ST"), ("Saint Barthelemy", "BL"),
            ("korea, republic of", "KR"), ("KOREA (REPUBLIC OF)", "KR"), ("People\u{2019}s Republic of China", "CN"),
            ("Bosnia & Herzegovina", "BA"), ("bosnia-herzegovina", "BA"),
        ]
        for (text, code) in cases {
            XCTAssertEqual(Countries.lookup(text)?.code, code, text)
        }
    }

    func testLookupKeyNormalisation() {
        XCTAssertEqual(Countries.lookupKey("Korea (the Republic of)"), "korea republic of")
        XCTAssertEqual(Countries.lookupKey("U.K."), "uk")
        XCTAssertEqual(Countries.lookupKey("St. Kitts & Nevis"), "saint kitts and nevis")
        XCTAssertEqual(Countries.lookupKey("ST"), "st")
        XCTAssertEqual(Countries.lookupKey("  Åland   Islands "), "aland islands")
        XCTAssertEqual(Countries.lookupKey("The"), "")
    }
}
