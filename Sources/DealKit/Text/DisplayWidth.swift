/// Terminal column widths of text, independent of the C locale.
///
/// `wcwidth` answers -1 for Hangul in the `C` locale and differs between libc
/// versions, so widths come from a table compiled into this file: the layout of a
/// table row is then the same on every machine and in every test.
///
/// Rules, per grapheme cluster (what a user sees as one character):
/// - East Asian Wide and Fullwidth characters, and emoji with default emoji
///   presentation, take 2 columns; so do any cluster containing U+FE0F and a
///   flag (a pair of regional indicators).
/// - Combining marks (Mn, Me), format characters, zero-width joiners and Hangul
///   Jamo medial/final letters take 0: a cluster is as wide as its base, so
///   "e\u{301}" is 1 column, like "é".
/// - Everything else takes 1, including control characters, which `SafeText`
///   replaces with 1-column pictures before display. "\r\n" is one cluster but 2
///   columns, because it is shown as two pictures.
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        var scalars = c.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let firstClass = scalarClass(first.value)
        guard let second = scalars.next() else { return Int(firstClass & widthMask) }
        if first.value == 0x0D { return 2 }
        if isRegionalIndicator(first.value) && isRegionalIndicator(second.value) { return 2 }
        // The base is the first scalar with a width: a cluster may open with a
        // zero-width prepended mark (such as U+0600) and take its width from the next scalar.
        var base = Int(firstClass & widthMask)
        var emojiPresentation = false
        var next: Unicode.Scalar? = second
        while let scalar = next {
            if scalar.value == 0xFE0F {
                emojiPresentation = true
            } else if base == 0 {
                base = Int(scalarClass(scalar.value) & widthMask)
            }
            next = scalars.next()
        }
        if base == 0 { return 0 }
        return emojiPresentation ? 2 : base
    }

    /// Columns a string occupies.
    @inlinable
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        if let columns = s.utf8.withContiguousStorageIfAvailable({ width(utf8: $0) }) {
            return columns
        }
        return Array(s.utf8).withUnsafeBufferPointer { width(utf8: $0) }
    }

    /// The longest prefix that fits in `width` columns; when the string is longer, it ends with "…" (1 column) and the whole result fits in `width`.
    ///
    /// Never splits a grapheme; a wide glyph that would straddle the limit is
    /// dropped (the result may be 1 column short of `width`).
    public static func truncate(_ s: String, to width: Int) -> String {
        truncated(s, to: width).text
    }

    /// Truncates as above, then pads with spaces to exactly `width` columns, on the right (left-aligned) or left (right-aligned).
    public static func fit(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let (text, used) = truncated(s, to: width)
        let padding = width - used
        guard padding > 0 else { return text }
        let spaces = String(repeating: " ", count: padding)
        return alignRight ? spaces + text : text + spaces
    }

    // MARK: - Measuring

    /// Width of valid UTF-8, summed scalar by scalar while that equals the sum over clusters.
    ///
    /// Segmenting into `Character`s costs far more than decoding UTF-8, and for
    /// almost all text a cluster's only non-zero scalar is its first, so summing
    /// scalar widths gives the same answer. Scalars for which that does not hold
    /// (joiners, flags, U+FE0F, spacing marks, viramas, ...) are marked in the table
    /// and send the whole string through `clusterWidth`.
    @usableFromInline
    static func width(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let start = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let raw = UnsafeRawPointer(start)
        var i = 0
        while i + 8 <= count,
              raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        while i < count, bytes[i] < 0x80 { i += 1 }
        if i == count { return count }

        var width = i
        while i < count {
            let lead = UInt32(bytes[i])
            if lead < 0x80 {
                width += 1
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            // A Swift string holds valid UTF-8; the guards only keep a malformed
            // buffer from being read out of bounds.
            guard length > 1 else { i += 1; continue }
            guard i + length <= count else { break }
            var value = lead & (0x7F >> UInt32(length))
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            let cls = scalarClass(value)
            if cls & needsCluster != 0 { return clusterWidth(utf8: bytes) }
            width += Int(cls & widthMask)
            i += length
        }
        return width
    }

    /// Width as the sum over grapheme clusters, for text the scalar sum gets wrong.
    private static func clusterWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0
        for c in String(decoding: bytes, as: UTF8.self) { width += of(c) }
        return width
    }

    /// The prefix and its width; see `truncate(_:to:)`.
    private static func truncated(_ s: String, to width: Int) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let total = of(s)
        if total <= width { return (s, total) }
        let budget = width - 1
        if total == s.utf8.count {
            // Only ASCII is one byte per column: cut by bytes, but not inside "\r\n".
            let utf8 = s.utf8
            var end = utf8.index(utf8.startIndex, offsetBy: budget)
            if budget > 0, utf8[end] == 0x0A, utf8[utf8.index(before: end)] == 0x0D {
                end = utf8.index(before: end)
            }
            let used = utf8.distance(from: utf8.startIndex, to: end)
            return (String(s[..<end]) + "…", used + 1)
        }
        var used = 0
        var end = s.startIndex
        while end < s.endIndex {
            let columns = of(s[end])
            if used + columns > budget { break }
            used += columns
            end = s.index(after: end)
        }
        return (String(s[..<end]) + "…", used + 1)
    }

    // MARK: - Scalar classes

    /// Bits of a class holding the column count of a scalar on its own.
    private static let widthMask: UInt32 = 3
    /// Class bit of scalars that may join a cluster with another non-zero scalar.
    private static let needsCluster: UInt32 = 4

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        value >= 0x1F1E6 && value <= 0x1F1FF
    }

    /// The class of a scalar: its width in the low 2 bits, plus `needsCluster`.
    private static func scalarClass(_ value: UInt32) -> UInt32 {
        // Ranges checked before the search are the common scripts of the feeds;
        // the table says the same for them.
        if value < 0x300 { return 1 }
        if value < 0x370 { return 0 }
        if value >= 0xAC00 && value <= 0xD7A3 { return 2 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        let key = value << 8 | 0xFF
        return classTable.withUnsafeBufferPointer { table in
            // The last entry whose start is <= value; entry 0 starts at U+0000.
            var low = 0
            var high = table.count
            while high - low > 1 {
                let mid = (low + high) >> 1
                if table[mid] <= key { low = mid } else { high = mid }
            }
            return table[low] & 0xFF
        }
    }

    /// Scalar classes over the whole code space, as sorted `start << 8 | class` entries; a class holds from its start up to the next entry's start.
    ///
    /// Derived from Unicode data: East Asian Width W and F (Unicode 14 as shipped with
    /// Python 3.11, plus the W additions of 15.0 to 16.0 and the CJK blocks and planes
    /// 2 and 3 that default to W), Emoji_Presentation, General_Category and the
    /// virama combining class (Swift 6.3's Unicode 16 data). Class 0 is Mn, Me, Cf and
    /// Hangul Jamo medial/final (U+1160-11FF, U+D7B0-D7FF); 2 is wide; 1 is the rest,
    /// including controls and U+00AD (libc and terminals give the soft hyphen 1
    /// column). Bit 4 marks scalars that can form a cluster with another non-zero
    /// scalar: ZWJ, U+FE0F, regional indicators, emoji modifiers, spacing marks (Mc,
    /// U+0E33, U+0EB3), halfwidth sound marks (U+FF9E-FF9F), viramas, Hangul Jamo
    /// initials and the prepended letters of Indic scripts.
    private static let classTable: [UInt32] = [
        0x00000001, 0x00030000, 0x00037001, 0x00048300, 0x00048A01, 0x00059100,
        0x0005BE01, 0x0005BF00, 0x0005C001, 0x0005C100, 0x0005C301, 0x0005C400,
        0x0005C601, 0x0005C700, 0x0005C801, 0x00060000, 0x00060601, 0x00061000,
        0x00061B01, 0x00061C00, 0x00061D01, 0x00064B00, 0x00066001, 0x00067000,
        0x00067101, 0x0006D600, 0x0006DE01, 0x0006DF00, 0x0006E501, 0x0006E700,
        0x0006E901, 0x0006EA00, 0x0006EE01, 0x00070F00, 0x00071001, 0x00071100,
        0x00071201, 0x00073000, 0x00074B01, 0x0007A600, 0x0007B101, 0x0007EB00,
        0x0007F401, 0x0007FD00, 0x0007FE01, 0x00081600, 0x00081A01, 0x00081B00,
        0x00082401, 0x00082500, 0x00082801, 0x00082900, 0x00082E01, 0x00085900,
        0x00085C01, 0x00089000, 0x00089201, 0x00089700, 0x0008A001, 0x0008CA00,
        0x00090305, 0x00090401, 0x00093A00, 0x00093B05, 0x00093C00, 0x00093D01,
        0x00093E05, 0x00094100, 0x00094905, 0x00094D04, 0x00094E05, 0x00095001,
        0x00095100, 0x00095801, 0x00096200, 0x00096401, 0x00098100, 0x00098205,
        0x00098401, 0x0009BC00, 0x0009BD01, 0x0009BE05, 0x0009C100, 0x0009C501,
        0x0009C705, 0x0009C901, 0x0009CB05, 0x0009CD04, 0x0009CE01, 0x0009D705,
        0x0009D801, 0x0009E200, 0x0009E401, 0x0009FE00, 0x0009FF01, 0x000A0100,
        0x000A0305, 0x000A0401, 0x000A3C00, 0x000A3D01, 0x000A3E05, 0x000A4100,
        0x000A4301, 0x000A4700, 0x000A4901, 0x000A4B00, 0x000A4D04, 0x000A4E01,
        0x000A5100, 0x000A5201, 0x000A7000, 0x000A7201, 0x000A7500, 0x000A7601,
        0x000A8100, 0x000A8305, 0x000A8401, 0x000ABC00, 0x000ABD01, 0x000ABE05,
        0x000AC100, 0x000AC601, 0x000AC700, 0x000AC905, 0x000ACA01, 0x000ACB05,
        0x000ACD04, 0x000ACE01, 0x000AE200, 0x000AE401, 0x000AFA00, 0x000B0001,
        0x000B0100, 0x000B0205, 0x000B0401, 0x000B3C00, 0x000B3D01, 0x000B3E05,
        0x000B3F00, 0x000B4005, 0x000B4100, 0x000B4501, 0x000B4705, 0x000B4901,
        0x000B4B05, 0x000B4D04, 0x000B4E01, 0x000B5500, 0x000B5705, 0x000B5801,
        0x000B6200, 0x000B6401, 0x000B8200, 0x000B8301, 0x000BBE05, 0x000BC000,
        0x000BC105, 0x000BC301, 0x000BC605, 0x000BC901, 0x000BCA05, 0x000BCD04,
        0x000BCE01, 0x000BD705, 0x000BD801, 0x000C0000, 0x000C0105, 0x000C0400,
        0x000C0501, 0x000C3C00, 0x000C3D01, 0x000C3E00, 0x000C4105, 0x000C4501,
        0x000C4600, 0x000C4901, 0x000C4A00, 0x000C4D04, 0x000C4E01, 0x000C5500,
        0x000C5701, 0x000C6200, 0x000C6401, 0x000C8100, 0x000C8205, 0x000C8401,
        0x000CBC00, 0x000CBD01, 0x000CBE05, 0x000CBF00, 0x000CC005, 0x000CC501,
        0x000CC600, 0x000CC705, 0x000CC901, 0x000CCA05, 0x000CCC00, 0x000CCD04,
        0x000CCE01, 0x000CD505, 0x000CD701, 0x000CE200, 0x000CE401, 0x000CF305,
        0x000CF401, 0x000D0000, 0x000D0205, 0x000D0401, 0x000D3B04, 0x000D3D01,
        0x000D3E05, 0x000D4100, 0x000D4501, 0x000D4605, 0x000D4901, 0x000D4A05,
        0x000D4D04, 0x000D4E05, 0x000D4F01, 0x000D5705, 0x000D5801, 0x000D6200,
        0x000D6401, 0x000D8100, 0x000D8205, 0x000D8401, 0x000DCA04, 0x000DCB01,
        0x000DCF05, 0x000DD200, 0x000DD501, 0x000DD600, 0x000DD701, 0x000DD805,
        0x000DE001, 0x000DF205, 0x000DF401, 0x000E3100, 0x000E3201, 0x000E3305,
        0x000E3400, 0x000E3A04, 0x000E3B01, 0x000E4700, 0x000E4F01, 0x000EB100,
        0x000EB201, 0x000EB305, 0x000EB400, 0x000EBA04, 0x000EBB00, 0x000EBD01,
        0x000EC800, 0x000ECF01, 0x000F1800, 0x000F1A01, 0x000F3500, 0x000F3601,
        0x000F3700, 0x000F3801, 0x000F3900, 0x000F3A01, 0x000F3E05, 0x000F4001,
        0x000F7100, 0x000F7F05, 0x000F8000, 0x000F8404, 0x000F8501, 0x000F8600,
        0x000F8801, 0x000F8D00, 0x000F9801, 0x000F9900, 0x000FBD01, 0x000FC600,
        0x000FC701, 0x00102B05, 0x00102D00, 0x00103105, 0x00103200, 0x00103805,
        0x00103904, 0x00103B05, 0x00103D00, 0x00103F01, 0x00105605, 0x00105800,
        0x00105A01, 0x00105E00, 0x00106101, 0x00106205, 0x00106501, 0x00106705,
        0x00106E01, 0x00107100, 0x00107501, 0x00108200, 0x00108305, 0x00108500,
        0x00108705, 0x00108D00, 0x00108E01, 0x00108F05, 0x00109001, 0x00109A05,
        0x00109D00, 0x00109E01, 0x00110006, 0x00116000, 0x00120001, 0x00135D00,
        0x00136001, 0x00171200, 0x00171404, 0x00171505, 0x00171601, 0x00173200,
        0x00173405, 0x00173501, 0x00175200, 0x00175401, 0x00177200, 0x00177401,
        0x0017B400, 0x0017B605, 0x0017B700, 0x0017BE05, 0x0017C600, 0x0017C705,
        0x0017C900, 0x0017D204, 0x0017D300, 0x0017D401, 0x0017DD00, 0x0017DE01,
        0x00180B00, 0x00181001, 0x00188500, 0x00188701, 0x0018A900, 0x0018AA01,
        0x00192000, 0x00192305, 0x00192700, 0x00192905, 0x00192C01, 0x00193005,
        0x00193200, 0x00193305, 0x00193900, 0x00193C01, 0x001A1700, 0x001A1905,
        0x001A1B00, 0x001A1C01, 0x001A5505, 0x001A5600, 0x001A5705, 0x001A5800,
        0x001A5F01, 0x001A6004, 0x001A6105, 0x001A6200, 0x001A6305, 0x001A6500,
        0x001A6D05, 0x001A7300, 0x001A7D01, 0x001A7F00, 0x001A8001, 0x001AB000,
        0x001ADE01, 0x001AE000, 0x001AEC01, 0x001B0000, 0x001B0405, 0x001B0501,
        0x001B3400, 0x001B3505, 0x001B3600, 0x001B3B05, 0x001B3C00, 0x001B3D05,
        0x001B4200, 0x001B4305, 0x001B4501, 0x001B6B00, 0x001B7401, 0x001B8000,
        0x001B8205, 0x001B8301, 0x001BA105, 0x001BA200, 0x001BA605, 0x001BA800,
        0x001BAA05, 0x001BAB04, 0x001BAC00, 0x001BAE01, 0x001BE600, 0x001BE705,
        0x001BE800, 0x001BEA05, 0x001BED00, 0x001BEE05, 0x001BEF00, 0x001BF205,
        0x001BF401, 0x001C2405, 0x001C2C00, 0x001C3405, 0x001C3600, 0x001C3801,
        0x001CD000, 0x001CD301, 0x001CD400, 0x001CE105, 0x001CE200, 0x001CE901,
        0x001CED00, 0x001CEE01, 0x001CF400, 0x001CF501, 0x001CF705, 0x001CF800,
        0x001CFA01, 0x001DC000, 0x001E0001, 0x00200B00, 0x00200D04, 0x00200E00,
        0x00201001, 0x00202A00, 0x00202F01, 0x00206000, 0x00206501, 0x00206600,
        0x00207001, 0x0020D000, 0x0020F101, 0x00231A02, 0x00231C01, 0x00232902,
        0x00232B01, 0x0023E902, 0x0023ED01, 0x0023F002, 0x0023F101, 0x0023F302,
        0x0023F401, 0x0025FD02, 0x0025FF01, 0x00261402, 0x00261601, 0x00264802,
        0x00265401, 0x00267F02, 0x00268001, 0x00269302, 0x00269401, 0x0026A102,
        0x0026A201, 0x0026AA02, 0x0026AC01, 0x0026BD02, 0x0026BF01, 0x0026C402,
        0x0026C601, 0x0026CE02, 0x0026CF01, 0x0026D402, 0x0026D501, 0x0026EA02,
        0x0026EB01, 0x0026F202, 0x0026F401, 0x0026F502, 0x0026F601, 0x0026FA02,
        0x0026FB01, 0x0026FD02, 0x0026FE01, 0x00270502, 0x00270601, 0x00270A02,
        0x00270C01, 0x00272802, 0x00272901, 0x00274C02, 0x00274D01, 0x00274E02,
        0x00274F01, 0x00275302, 0x00275601, 0x00275702, 0x00275801, 0x00279502,
        0x00279801, 0x0027B002, 0x0027B101, 0x0027BF02, 0x0027C001, 0x002B1B02,
        0x002B1D01, 0x002B5002, 0x002B5101, 0x002B5502, 0x002B5601, 0x002CEF00,
        0x002CF201, 0x002D7F04, 0x002D8001, 0x002DE000, 0x002E0001, 0x002E8002,
        0x002E9A01, 0x002E9B02, 0x002EF401, 0x002F0002, 0x002FD601, 0x002FF002,
        0x00302A00, 0x00302E05, 0x00303002, 0x00303F01, 0x00304102, 0x00309701,
        0x00309900, 0x00309B02, 0x00310001, 0x00310502, 0x00313001, 0x00313102,
        0x00318F01, 0x00319002, 0x0031E601, 0x0031EF02, 0x00321F01, 0x00322002,
        0x00324801, 0x00325002, 0x004DC001, 0x004E0002, 0x00A48D01, 0x00A49002,
        0x00A4C701, 0x00A66F00, 0x00A67301, 0x00A67400, 0x00A67E01, 0x00A69E00,
        0x00A6A001, 0x00A6F000, 0x00A6F201, 0x00A80200, 0x00A80301, 0x00A80604,
        0x00A80701, 0x00A80B00, 0x00A80C01, 0x00A82305, 0x00A82500, 0x00A82705,
        0x00A82801, 0x00A82C04, 0x00A82D01, 0x00A88005, 0x00A88201, 0x00A8B405,
        0x00A8C404, 0x00A8C500, 0x00A8C601, 0x00A8E000, 0x00A8F201, 0x00A8FF00,
        0x00A90001, 0x00A92600, 0x00A92E01, 0x00A94700, 0x00A95205, 0x00A95401,
        0x00A96006, 0x00A98000, 0x00A98305, 0x00A98401, 0x00A9B300, 0x00A9B405,
        0x00A9B600, 0x00A9BA05, 0x00A9BC00, 0x00A9BE05, 0x00A9C101, 0x00A9E500,
        0x00A9E601, 0x00AA2900, 0x00AA2F05, 0x00AA3100, 0x00AA3305, 0x00AA3500,
        0x00AA3701, 0x00AA4300, 0x00AA4401, 0x00AA4C00, 0x00AA4D05, 0x00AA4E01,
        0x00AA7B05, 0x00AA7C00, 0x00AA7D05, 0x00AA7E01, 0x00AAB000, 0x00AAB101,
        0x00AAB200, 0x00AAB501, 0x00AAB700, 0x00AAB901, 0x00AABE00, 0x00AAC001,
        0x00AAC100, 0x00AAC201, 0x00AAEB05, 0x00AAEC00, 0x00AAEE05, 0x00AAF001,
        0x00AAF505, 0x00AAF604, 0x00AAF701, 0x00ABE305, 0x00ABE500, 0x00ABE605,
        0x00ABE800, 0x00ABE905, 0x00ABEB01, 0x00ABEC05, 0x00ABED04, 0x00ABEE01,
        0x00AC0002, 0x00D7A401, 0x00D7B000, 0x00D80001, 0x00F90002, 0x00FB0001,
        0x00FB1E00, 0x00FB1F01, 0x00FE0000, 0x00FE0F04, 0x00FE1002, 0x00FE1A01,
        0x00FE2000, 0x00FE3002, 0x00FE5301, 0x00FE5402, 0x00FE6701, 0x00FE6802,
        0x00FE6C01, 0x00FEFF00, 0x00FF0001, 0x00FF0102, 0x00FF6101, 0x00FF9E05,
        0x00FFA001, 0x00FFE002, 0x00FFE701, 0x00FFF900, 0x00FFFC01, 0x0101FD00,
        0x0101FE01, 0x0102E000, 0x0102E101, 0x01037600, 0x01037B01, 0x010A0100,
        0x010A0401, 0x010A0500, 0x010A0701, 0x010A0C00, 0x010A1001, 0x010A3800,
        0x010A3B01, 0x010A3F04, 0x010A4001, 0x010AE500, 0x010AE701, 0x010D2400,
        0x010D2801, 0x010D6900, 0x010D6E01, 0x010EAB00, 0x010EAD01, 0x010EFA00,
        0x010F0001, 0x010F4600, 0x010F5101, 0x010F8200, 0x010F8601, 0x01100005,
        0x01100100, 0x01100205, 0x01100301, 0x01103800, 0x01104604, 0x01104701,
        0x01107004, 0x01107101, 0x01107300, 0x01107501, 0x01107F04, 0x01108000,
        0x01108205, 0x01108301, 0x0110B005, 0x0110B300, 0x0110B705, 0x0110B904,
        0x0110BA00, 0x0110BB01, 0x0110BD00, 0x0110BE01, 0x0110C200, 0x0110C301,
        0x0110CD00, 0x0110CE01, 0x01110000, 0x01110301, 0x01112700, 0x01112C05,
        0x01112D00, 0x01113304, 0x01113501, 0x01114505, 0x01114701, 0x01117300,
        0x01117401, 0x01118000, 0x01118205, 0x01118301, 0x0111B305, 0x0111B600,
        0x0111BF05, 0x0111C101, 0x0111C205, 0x0111C401, 0x0111C900, 0x0111CD01,
        0x0111CE05, 0x0111CF00, 0x0111D001, 0x01122C05, 0x01122F00, 0x01123205,
        0x01123400, 0x01123505, 0x01123600, 0x01123801, 0x01123E00, 0x01123F01,
        0x01124100, 0x01124201, 0x0112DF00, 0x0112E005, 0x0112E300, 0x0112EA04,
        0x0112EB01, 0x01130000, 0x01130205, 0x01130401, 0x01133B00, 0x01133D01,
        0x01133E05, 0x01134000, 0x01134105, 0x01134501, 0x01134705, 0x01134901,
        0x01134B05, 0x01134E01, 0x01135705, 0x01135801, 0x01136205, 0x01136401,
        0x01136600, 0x01136D01, 0x01137000, 0x01137501, 0x0113B805, 0x0113BB00,
        0x0113C101, 0x0113C205, 0x0113C301, 0x0113C505, 0x0113C601, 0x0113C705,
        0x0113CB01, 0x0113CC05, 0x0113CE04, 0x0113CF05, 0x0113D004, 0x0113D105,
        0x0113D200, 0x0113D301, 0x0113E100, 0x0113E301, 0x01143505, 0x01143800,
        0x01144005, 0x01144204, 0x01144300, 0x01144505, 0x01144600, 0x01144701,
        0x01145E00, 0x01145F01, 0x0114B005, 0x0114B300, 0x0114B905, 0x0114BA00,
        0x0114BB05, 0x0114BF00, 0x0114C105, 0x0114C204, 0x0114C300, 0x0114C401,
        0x0115AF05, 0x0115B200, 0x0115B601, 0x0115B805, 0x0115BC00, 0x0115BE05,
        0x0115BF04, 0x0115C000, 0x0115C101, 0x0115DC00, 0x0115DE01, 0x01163005,
        0x01163300, 0x01163B05, 0x01163D00, 0x01163E05, 0x01163F04, 0x01164000,
        0x01164101, 0x0116AB00, 0x0116AC05, 0x0116AD00, 0x0116AE05, 0x0116B000,
        0x0116B605, 0x0116B700, 0x0116B801, 0x01171D00, 0x01171E05, 0x01171F00,
        0x01172005, 0x01172200, 0x01172605, 0x01172700, 0x01172B04, 0x01172C01,
        0x01182C05, 0x01182F00, 0x01183805, 0x01183904, 0x01183A00, 0x01183B01,
        0x01193005, 0x01193601, 0x01193705, 0x01193901, 0x01193B00, 0x01193D05,
        0x01193E04, 0x01193F05, 0x01194300, 0x01194401, 0x0119D105, 0x0119D400,
        0x0119D801, 0x0119DA00, 0x0119DC05, 0x0119E004, 0x0119E101, 0x0119E405,
        0x0119E501, 0x011A0100, 0x011A0B01, 0x011A3300, 0x011A3404, 0x011A3500,
        0x011A3905, 0x011A3B00, 0x011A3F01, 0x011A4704, 0x011A4801, 0x011A5100,
        0x011A5705, 0x011A5900, 0x011A5C01, 0x011A8405, 0x011A8A00, 0x011A9705,
        0x011A9800, 0x011A9904, 0x011A9A01, 0x011B6000, 0x011B6105, 0x011B6200,
        0x011B6505, 0x011B6600, 0x011B6705, 0x011B6801, 0x011C2F05, 0x011C3000,
        0x011C3701, 0x011C3800, 0x011C3E05, 0x011C3F04, 0x011C4001, 0x011C9200,
        0x011CA801, 0x011CA905, 0x011CAA00, 0x011CB105, 0x011CB200, 0x011CB405,
        0x011CB500, 0x011CB701, 0x011D3100, 0x011D3701, 0x011D3A00, 0x011D3B01,
        0x011D3C00, 0x011D3E01, 0x011D3F00, 0x011D4404, 0x011D4605, 0x011D4700,
        0x011D4801, 0x011D8A05, 0x011D8F01, 0x011D9000, 0x011D9201, 0x011D9305,
        0x011D9500, 0x011D9605, 0x011D9704, 0x011D9801, 0x011EF300, 0x011EF505,
        0x011EF701, 0x011F0000, 0x011F0205, 0x011F0401, 0x011F3405, 0x011F3600,
        0x011F3B01, 0x011F3E05, 0x011F4000, 0x011F4105, 0x011F4204, 0x011F4301,
        0x011F5A00, 0x011F5B01, 0x01343000, 0x01344101, 0x01344700, 0x01345601,
        0x01611E00, 0x01612A05, 0x01612D00, 0x01612F04, 0x01613001, 0x016AF000,
        0x016AF501, 0x016B3000, 0x016B3701, 0x016F4F00, 0x016F5001, 0x016F5105,
        0x016F8801, 0x016F8F00, 0x016F9301, 0x016FE002, 0x016FE400, 0x016FE501,
        0x016FF005, 0x016FF201, 0x01700002, 0x0187F801, 0x01880002, 0x018CD601,
        0x018CFF02, 0x018D0901, 0x01AFF002, 0x01AFF401, 0x01AFF502, 0x01AFFC01,
        0x01AFFD02, 0x01AFFF01, 0x01B00002, 0x01B12301, 0x01B13202, 0x01B13301,
        0x01B15002, 0x01B15301, 0x01B15502, 0x01B15601, 0x01B16402, 0x01B16801,
        0x01B17002, 0x01B2FC01, 0x01BC9D00, 0x01BC9F01, 0x01BCA000, 0x01BCA401,
        0x01CF0000, 0x01CF2E01, 0x01CF3000, 0x01CF4701, 0x01D16505, 0x01D16700,
        0x01D16A01, 0x01D16D05, 0x01D17300, 0x01D18301, 0x01D18500, 0x01D18C01,
        0x01D1AA00, 0x01D1AE01, 0x01D24200, 0x01D24501, 0x01DA0000, 0x01DA3701,
        0x01DA3B00, 0x01DA6D01, 0x01DA7500, 0x01DA7601, 0x01DA8400, 0x01DA8501,
        0x01DA9B00, 0x01DAA001, 0x01DAA100, 0x01DAB001, 0x01E00000, 0x01E00701,
        0x01E00800, 0x01E01901, 0x01E01B00, 0x01E02201, 0x01E02300, 0x01E02501,
        0x01E02600, 0x01E02B01, 0x01E08F00, 0x01E09001, 0x01E13000, 0x01E13701,
        0x01E2AE00, 0x01E2AF01, 0x01E2EC00, 0x01E2F001, 0x01E4EC00, 0x01E4F001,
        0x01E5EE00, 0x01E5F001, 0x01E6E300, 0x01E6E401, 0x01E6E600, 0x01E6E701,
        0x01E6EE00, 0x01E6F001, 0x01E6F500, 0x01E6F601, 0x01E8D000, 0x01E8D701,
        0x01E94400, 0x01E94B01, 0x01F00402, 0x01F00501, 0x01F0CF02, 0x01F0D001,
        0x01F18E02, 0x01F18F01, 0x01F19102, 0x01F19B01, 0x01F1E605, 0x01F20002,
        0x01F20301, 0x01F21002, 0x01F23C01, 0x01F24002, 0x01F24901, 0x01F25002,
        0x01F25201, 0x01F26002, 0x01F26601, 0x01F30002, 0x01F32101, 0x01F32D02,
        0x01F33601, 0x01F33702, 0x01F37D01, 0x01F37E02, 0x01F39401, 0x01F3A002,
        0x01F3CB01, 0x01F3CF02, 0x01F3D401, 0x01F3E002, 0x01F3F101, 0x01F3F402,
        0x01F3F501, 0x01F3F802, 0x01F3FB06, 0x01F40002, 0x01F43F01, 0x01F44002,
        0x01F44101, 0x01F44202, 0x01F4FD01, 0x01F4FF02, 0x01F53E01, 0x01F54B02,
        0x01F54F01, 0x01F55002, 0x01F56801, 0x01F57A02, 0x01F57B01, 0x01F59502,
        0x01F59701, 0x01F5A402, 0x01F5A501, 0x01F5FB02, 0x01F65001, 0x01F68002,
        0x01F6C601, 0x01F6CC02, 0x01F6CD01, 0x01F6D002, 0x01F6D301, 0x01F6D502,
        0x01F6D901, 0x01F6DC02, 0x01F6E001, 0x01F6EB02, 0x01F6ED01, 0x01F6F402,
        0x01F6FD01, 0x01F7E002, 0x01F7EC01, 0x01F7F002, 0x01F7F101, 0x01F90C02,
        0x01F93B01, 0x01F93C02, 0x01F94601, 0x01F94702, 0x01FA0001, 0x01FA7002,
        0x01FA7D01, 0x01FA8002, 0x01FA8B01, 0x01FA8E02, 0x01FAC701, 0x01FAC802,
        0x01FAC901, 0x01FACD02, 0x01FADD01, 0x01FADF02, 0x01FAEB01, 0x01FAEF02,
        0x01FAF901, 0x02000002, 0x02FFFE01, 0x03000002, 0x03FFFE01, 0x0E000100,
        0x0E000201, 0x0E002000, 0x0E008001, 0x0E010000, 0x0E01F001,
    ]
}
