import Foundation

/// An ISO 3166-1 alpha-2 country (or `EU`), with its English name.
///
/// Values only come from ``Countries``, so holding a `Country` means holding a known code.
public struct Country: Sendable, Hashable, Comparable {
    /// The upper-case ISO 3166-1 alpha-2 code, e.g. `"KR"`, or `"EU"`.
    public let code: String
    /// The short English name a reader expects, e.g. "South Korea" rather than ISO's "Korea, Republic of".
    public let name: String

    /// Orders by code, the order of ``Countries/all``.
    public static func < (a: Country, b: Country) -> Bool {
        (a.code, a.name) < (b.code, b.name)
    }
}

/// The table of countries: all of ISO 3166-1 plus `EU`, and the ways to find one.
public enum Countries {
    /// Every country, sorted by code, including `EU` ("European Union").
    public static let all: [Country] = CountryTable.records
        .map { Country(code: $0.code, name: $0.name) }
        .sorted()

    /// The country with exactly this code, or nil.
    ///
    /// Deliberately strict (upper case, alpha-2, no aliases): the feed validator uses it,
    /// and a feed that writes "kr", "KOR" or "UK" should be told it is wrong, not forgiven.
    public static func byCode(_ code: String) -> Country? {
        byExactCode[code]
    }

    /// The country that some free text names, or nil if it names none or could mean more than one.
    ///
    /// Accepts what users and other datasets write: an alpha-2 or alpha-3 code in any case,
    /// ISO's name, official name or common name, the display name, or a known alias
    /// ("UK", "Ivory Coast", "Korea, Rep."). Case, diacritics, punctuation, "the", "&" for
    /// "and", "St." for "Saint" and extra spaces do not matter, so ISO's "Korea (the Republic of)"
    /// and "Korea, Republic of" are the same text. An ambiguous name such as "Korea" gives nil
    /// rather than a guess, because a wrong country is worse than a missing one.
    public static func lookup(_ text: String) -> Country? {
        index.byKey[lookupKey(text)]
    }

    private static let byExactCode: [String: Country] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Built once: imports call ``lookup(_:)`` for every row, so each call is one normalisation and one hash.
    static let index = CountryIndex(CountryTable.records)

    /// The text reduced to what tells country names apart: lower-case ASCII-ish words, single spaces.
    ///
    /// The same function builds the index and reads queries, so the two can never drift apart.
    static func lookupKey(_ text: String) -> String {
        // Nearly all imported text is ASCII, and folding is a comparatively slow Foundation call.
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)

        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in folded.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39:
                word.unicodeScalars.append(scalar)
            case 0x41...0x5A:
                word.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            case 0x27, 0x2E, 0x60, 0xB4, 0x2BC, 0x2018, 0x2019:
                // Apostrophes and full stops sit inside words: "People's", "U.K.", "St.".
                continue
            case 0x26:
                endWord()
                words.append("and")
            case 0x80... where scalar.properties.isAlphabetic:
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            default:
                endWord()
            }
        }
        endWord()

        var key = ""
        for (i, w) in words.enumerated() where w != "the" {
            if !key.isEmpty { key += " " }
            // Only before another word: alone, "ST" is São Tomé's code.
            key += (w == "st" && i + 1 < words.count) ? "saint" : w
        }
        return key
    }
}

/// One row of the generated ``CountryTable``: a country and every spelling that should find it.
struct CountryRecord: Sendable {
    /// ISO 3166-1 alpha-2, or "EU".
    let code: String
    /// ISO 3166-1 alpha-3; nil for EU, which has none.
    let alpha3: String?
    /// The display name, chosen by the generator.
    let name: String
    /// ISO's `name`, often in inverted form ("Korea, Republic of").
    let isoName: String
    let officialName: String?
    let commonName: String?
    /// Other spellings, from the generator's hand-written list.
    let aliases: [String]

    /// Every spelling ``Countries/lookup(_:)`` should accept for this country.
    var spellings: [String] {
        [code, name, isoName] + [alpha3, officialName, commonName].compactMap { $0 } + aliases
    }
}

/// The lookup keys of every country's spellings.
struct CountryIndex: Sendable {
    /// Normalised key to country.
    let byKey: [String: Country]
    /// Keys that spellings of different countries share, with their codes.
    ///
    /// They are left out of `byKey`, since any answer would be wrong for someone.
    /// Empty for the shipped table; a test keeps it that way.
    let conflicts: [String: Set<String>]

    init(_ records: [CountryRecord]) {
        var codes: [String: Set<String>] = [:]
        var countries: [String: Country] = [:]
        for r in records {
            countries[r.code] = Country(code: r.code, name: r.name)
            for spelling in r.spellings {
                let key = Countries.lookupKey(spelling)
                if !key.isEmpty { codes[key, default: []].insert(r.code) }
            }
        }
        byKey = codes.compactMapValues { $0.count == 1 ? $0.first.flatMap { countries[$0] } : nil }
        conflicts = codes.filter { $0.value.count > 1 }
    }
}
