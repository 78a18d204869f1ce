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
            raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
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
            guard length > 1 else {
                i += 1
                continue
            }
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
        0x0000_0001, 0x0003_0000, 0x0003_7001, 0x0004_8300, 0x0004_8A01, 0x0005_9100,
        0x0005_BE01, 0x0005_BF00, 0x0005_C001, 0x0005_C100, 0x0005_C301, 0x0005_C400,
        0x0005_C601, 0x0005_C700, 0x0005_C801, 0x0006_0000, 0x0006_0601, 0x0006_1000,
        0x0006_1B01, 0x0006_1C00, 0x0006_1D01, 0x0006_4B00, 0x0006_6001, 0x0006_7000,
        0x0006_7101, 0x0006_D600, 0x0006_DE01, 0x0006_DF00, 0x0006_E501, 0x0006_E700,
        0x0006_E901, 0x0006_EA00, 0x0006_EE01, 0x0007_0F00, 0x0007_1001, 0x0007_1100,
        0x0007_1201, 0x0007_3000, 0x0007_4B01, 0x0007_A600, 0x0007_B101, 0x0007_EB00,
        0x0007_F401, 0x0007_FD00, 0x0007_FE01, 0x0008_1600, 0x0008_1A01, 0x0008_1B00,
        0x0008_2401, 0x0008_2500, 0x0008_2801, 0x0008_2900, 0x0008_2E01, 0x0008_5900,
        0x0008_5C01, 0x0008_9000, 0x0008_9201, 0x0008_9700, 0x0008_A001, 0x0008_CA00,
        0x0009_0305, 0x0009_0401, 0x0009_3A00, 0x0009_3B05, 0x0009_3C00, 0x0009_3D01,
        0x0009_3E05, 0x0009_4100, 0x0009_4905, 0x0009_4D04, 0x0009_4E05, 0x0009_5001,
        0x0009_5100, 0x0009_5801, 0x0009_6200, 0x0009_6401, 0x0009_8100, 0x0009_8205,
        0x0009_8401, 0x0009_BC00, 0x0009_BD01, 0x0009_BE05, 0x0009_C100, 0x0009_C501,
        0x0009_C705, 0x0009_C901, 0x0009_CB05, 0x0009_CD04, 0x0009_CE01, 0x0009_D705,
        0x0009_D801, 0x0009_E200, 0x0009_E401, 0x0009_FE00, 0x0009_FF01, 0x000A_0100,
        0x000A_0305, 0x000A_0401, 0x000A_3C00, 0x000A_3D01, 0x000A_3E05, 0x000A_4100,
        0x000A_4301, 0x000A_4700, 0x000A_4901, 0x000A_4B00, 0x000A_4D04, 0x000A_4E01,
        0x000A_5100, 0x000A_5201, 0x000A_7000, 0x000A_7201, 0x000A_7500, 0x000A_7601,
        0x000A_8100, 0x000A_8305, 0x000A_8401, 0x000A_BC00, 0x000A_BD01, 0x000A_BE05,
        0x000A_C100, 0x000A_C601, 0x000A_C700, 0x000A_C905, 0x000A_CA01, 0x000A_CB05,
        0x000A_CD04, 0x000A_CE01, 0x000A_E200, 0x000A_E401, 0x000A_FA00, 0x000B_0001,
        0x000B_0100, 0x000B_0205, 0x000B_0401, 0x000B_3C00, 0x000B_3D01, 0x000B_3E05,
        0x000B_3F00, 0x000B_4005, 0x000B_4100, 0x000B_4501, 0x000B_4705, 0x000B_4901,
        0x000B_4B05, 0x000B_4D04, 0x000B_4E01, 0x000B_5500, 0x000B_5705, 0x000B_5801,
        0x000B_6200, 0x000B_6401, 0x000B_8200, 0x000B_8301, 0x000B_BE05, 0x000B_C000,
        0x000B_C105, 0x000B_C301, 0x000B_C605, 0x000B_C901, 0x000B_CA05, 0x000B_CD04,
        0x000B_CE01, 0x000B_D705, 0x000B_D801, 0x000C_0000, 0x000C_0105, 0x000C_0400,
        0x000C_0501, 0x000C_3C00, 0x000C_3D01, 0x000C_3E00, 0x000C_4105, 0x000C_4501,
        0x000C_4600, 0x000C_4901, 0x000C_4A00, 0x000C_4D04, 0x000C_4E01, 0x000C_5500,
        0x000C_5701, 0x000C_6200, 0x000C_6401, 0x000C_8100, 0x000C_8205, 0x000C_8401,
        0x000C_BC00, 0x000C_BD01, 0x000C_BE05, 0x000C_BF00, 0x000C_C005, 0x000C_C501,
        0x000C_C600, 0x000C_C705, 0x000C_C901, 0x000C_CA05, 0x000C_CC00, 0x000C_CD04,
        0x000C_CE01, 0x000C_D505, 0x000C_D701, 0x000C_E200, 0x000C_E401, 0x000C_F305,
        0x000C_F401, 0x000D_0000, 0x000D_0205, 0x000D_0401, 0x000D_3B04, 0x000D_3D01,
        0x000D_3E05, 0x000D_4100, 0x000D_4501, 0x000D_4605, 0x000D_4901, 0x000D_4A05,
        0x000D_4D04, 0x000D_4E05, 0x000D_4F01, 0x000D_5705, 0x000D_5801, 0x000D_6200,
        0x000D_6401, 0x000D_8100, 0x000D_8205, 0x000D_8401, 0x000D_CA04, 0x000D_CB01,
        0x000D_CF05, 0x000D_D200, 0x000D_D501, 0x000D_D600, 0x000D_D701, 0x000D_D805,
        0x000D_E001, 0x000D_F205, 0x000D_F401, 0x000E_3100, 0x000E_3201, 0x000E_3305,
        0x000E_3400, 0x000E_3A04, 0x000E_3B01, 0x000E_4700, 0x000E_4F01, 0x000E_B100,
        0x000E_B201, 0x000E_B305, 0x000E_B400, 0x000E_BA04, 0x000E_BB00, 0x000E_BD01,
        0x000E_C800, 0x000E_CF01, 0x000F_1800, 0x000F_1A01, 0x000F_3500, 0x000F_3601,
        0x000F_3700, 0x000F_3801, 0x000F_3900, 0x000F_3A01, 0x000F_3E05, 0x000F_4001,
        0x000F_7100, 0x000F_7F05, 0x000F_8000, 0x000F_8404, 0x000F_8501, 0x000F_8600,
        0x000F_8801, 0x000F_8D00, 0x000F_9801, 0x000F_9900, 0x000F_BD01, 0x000F_C600,
        0x000F_C701, 0x0010_2B05, 0x0010_2D00, 0x0010_3105, 0x0010_3200, 0x0010_3805,
        0x0010_3904, 0x0010_3B05, 0x0010_3D00, 0x0010_3F01, 0x0010_5605, 0x0010_5800,
        0x0010_5A01, 0x0010_5E00, 0x0010_6101, 0x0010_6205, 0x0010_6501, 0x0010_6705,
        0x0010_6E01, 0x0010_7100, 0x0010_7501, 0x0010_8200, 0x0010_8305, 0x0010_8500,
        0x0010_8705, 0x0010_8D00, 0x0010_8E01, 0x0010_8F05, 0x0010_9001, 0x0010_9A05,
        0x0010_9D00, 0x0010_9E01, 0x0011_0006, 0x0011_6000, 0x0012_0001, 0x0013_5D00,
        0x0013_6001, 0x0017_1200, 0x0017_1404, 0x0017_1505, 0x0017_1601, 0x0017_3200,
        0x0017_3405, 0x0017_3501, 0x0017_5200, 0x0017_5401, 0x0017_7200, 0x0017_7401,
        0x0017_B400, 0x0017_B605, 0x0017_B700, 0x0017_BE05, 0x0017_C600, 0x0017_C705,
        0x0017_C900, 0x0017_D204, 0x0017_D300, 0x0017_D401, 0x0017_DD00, 0x0017_DE01,
        0x0018_0B00, 0x0018_1001, 0x0018_8500, 0x0018_8701, 0x0018_A900, 0x0018_AA01,
        0x0019_2000, 0x0019_2305, 0x0019_2700, 0x0019_2905, 0x0019_2C01, 0x0019_3005,
        0x0019_3200, 0x0019_3305, 0x0019_3900, 0x0019_3C01, 0x001A_1700, 0x001A_1905,
        0x001A_1B00, 0x001A_1C01, 0x001A_5505, 0x001A_5600, 0x001A_5705, 0x001A_5800,
        0x001A_5F01, 0x001A_6004, 0x001A_6105, 0x001A_6200, 0x001A_6305, 0x001A_6500,
        0x001A_6D05, 0x001A_7300, 0x001A_7D01, 0x001A_7F00, 0x001A_8001, 0x001A_B000,
        0x001A_DE01, 0x001A_E000, 0x001A_EC01, 0x001B_0000, 0x001B_0405, 0x001B_0501,
        0x001B_3400, 0x001B_3505, 0x001B_3600, 0x001B_3B05, 0x001B_3C00, 0x001B_3D05,
        0x001B_4200, 0x001B_4305, 0x001B_4501, 0x001B_6B00, 0x001B_7401, 0x001B_8000,
        0x001B_8205, 0x001B_8301, 0x001B_A105, 0x001B_A200, 0x001B_A605, 0x001B_A800,
        0x001B_AA05, 0x001B_AB04, 0x001B_AC00, 0x001B_AE01, 0x001B_E600, 0x001B_E705,
        0x001B_E800, 0x001B_EA05, 0x001B_ED00, 0x001B_EE05, 0x001B_EF00, 0x001B_F205,
        0x001B_F401, 0x001C_2405, 0x001C_2C00, 0x001C_3405, 0x001C_3600, 0x001C_3801,
        0x001C_D000, 0x001C_D301, 0x001C_D400, 0x001C_E105, 0x001C_E200, 0x001C_E901,
        0x001C_ED00, 0x001C_EE01, 0x001C_F400, 0x001C_F501, 0x001C_F705, 0x001C_F800,
        0x001C_FA01, 0x001D_C000, 0x001E_0001, 0x0020_0B00, 0x0020_0D04, 0x0020_0E00,
        0x0020_1001, 0x0020_2A00, 0x0020_2F01, 0x0020_6000, 0x0020_6501, 0x0020_6600,
        0x0020_7001, 0x0020_D000, 0x0020_F101, 0x0023_1A02, 0x0023_1C01, 0x0023_2902,
        0x0023_2B01, 0x0023_E902, 0x0023_ED01, 0x0023_F002, 0x0023_F101, 0x0023_F302,
        0x0023_F401, 0x0025_FD02, 0x0025_FF01, 0x0026_1402, 0x0026_1601, 0x0026_4802,
        0x0026_5401, 0x0026_7F02, 0x0026_8001, 0x0026_9302, 0x0026_9401, 0x0026_A102,
        0x0026_A201, 0x0026_AA02, 0x0026_AC01, 0x0026_BD02, 0x0026_BF01, 0x0026_C402,
        0x0026_C601, 0x0026_CE02, 0x0026_CF01, 0x0026_D402, 0x0026_D501, 0x0026_EA02,
        0x0026_EB01, 0x0026_F202, 0x0026_F401, 0x0026_F502, 0x0026_F601, 0x0026_FA02,
        0x0026_FB01, 0x0026_FD02, 0x0026_FE01, 0x0027_0502, 0x0027_0601, 0x0027_0A02,
        0x0027_0C01, 0x0027_2802, 0x0027_2901, 0x0027_4C02, 0x0027_4D01, 0x0027_4E02,
        0x0027_4F01, 0x0027_5302, 0x0027_5601, 0x0027_5702, 0x0027_5801, 0x0027_9502,
        0x0027_9801, 0x0027_B002, 0x0027_B101, 0x0027_BF02, 0x0027_C001, 0x002B_1B02,
        0x002B_1D01, 0x002B_5002, 0x002B_5101, 0x002B_5502, 0x002B_5601, 0x002C_EF00,
        0x002C_F201, 0x002D_7F04, 0x002D_8001, 0x002D_E000, 0x002E_0001, 0x002E_8002,
        0x002E_9A01, 0x002E_9B02, 0x002E_F401, 0x002F_0002, 0x002F_D601, 0x002F_F002,
        0x0030_2A00, 0x0030_2E05, 0x0030_3002, 0x0030_3F01, 0x0030_4102, 0x0030_9701,
        0x0030_9900, 0x0030_9B02, 0x0031_0001, 0x0031_0502, 0x0031_3001, 0x0031_3102,
        0x0031_8F01, 0x0031_9002, 0x0031_E601, 0x0031_EF02, 0x0032_1F01, 0x0032_2002,
        0x0032_4801, 0x0032_5002, 0x004D_C001, 0x004E_0002, 0x00A4_8D01, 0x00A4_9002,
        0x00A4_C701, 0x00A6_6F00, 0x00A6_7301, 0x00A6_7400, 0x00A6_7E01, 0x00A6_9E00,
        0x00A6_A001, 0x00A6_F000, 0x00A6_F201, 0x00A8_0200, 0x00A8_0301, 0x00A8_0604,
        0x00A8_0701, 0x00A8_0B00, 0x00A8_0C01, 0x00A8_2305, 0x00A8_2500, 0x00A8_2705,
        0x00A8_2801, 0x00A8_2C04, 0x00A8_2D01, 0x00A8_8005, 0x00A8_8201, 0x00A8_B405,
        0x00A8_C404, 0x00A8_C500, 0x00A8_C601, 0x00A8_E000, 0x00A8_F201, 0x00A8_FF00,
        0x00A9_0001, 0x00A9_2600, 0x00A9_2E01, 0x00A9_4700, 0x00A9_5205, 0x00A9_5401,
        0x00A9_6006, 0x00A9_8000, 0x00A9_8305, 0x00A9_8401, 0x00A9_B300, 0x00A9_B405,
        0x00A9_B600, 0x00A9_BA05, 0x00A9_BC00, 0x00A9_BE05, 0x00A9_C101, 0x00A9_E500,
        0x00A9_E601, 0x00AA_2900, 0x00AA_2F05, 0x00AA_3100, 0x00AA_3305, 0x00AA_3500,
        0x00AA_3701, 0x00AA_4300, 0x00AA_4401, 0x00AA_4C00, 0x00AA_4D05, 0x00AA_4E01,
        0x00AA_7B05, 0x00AA_7C00, 0x00AA_7D05, 0x00AA_7E01, 0x00AA_B000, 0x00AA_B101,
        0x00AA_B200, 0x00AA_B501, 0x00AA_B700, 0x00AA_B901, 0x00AA_BE00, 0x00AA_C001,
        0x00AA_C100, 0x00AA_C201, 0x00AA_EB05, 0x00AA_EC00, 0x00AA_EE05, 0x00AA_F001,
        0x00AA_F505, 0x00AA_F604, 0x00AA_F701, 0x00AB_E305, 0x00AB_E500, 0x00AB_E605,
        0x00AB_E800, 0x00AB_E905, 0x00AB_EB01, 0x00AB_EC05, 0x00AB_ED04, 0x00AB_EE01,
        0x00AC_0002, 0x00D7_A401, 0x00D7_B000, 0x00D8_0001, 0x00F9_0002, 0x00FB_0001,
        0x00FB_1E00, 0x00FB_1F01, 0x00FE_0000, 0x00FE_0F04, 0x00FE_1002, 0x00FE_1A01,
        0x00FE_2000, 0x00FE_3002, 0x00FE_5301, 0x00FE_5402, 0x00FE_6701, 0x00FE_6802,
        0x00FE_6C01, 0x00FE_FF00, 0x00FF_0001, 0x00FF_0102, 0x00FF_6101, 0x00FF_9E05,
        0x00FF_A001, 0x00FF_E002, 0x00FF_E701, 0x00FF_F900, 0x00FF_FC01, 0x0101_FD00,
        0x0101_FE01, 0x0102_E000, 0x0102_E101, 0x0103_7600, 0x0103_7B01, 0x010A_0100,
        0x010A_0401, 0x010A_0500, 0x010A_0701, 0x010A_0C00, 0x010A_1001, 0x010A_3800,
        0x010A_3B01, 0x010A_3F04, 0x010A_4001, 0x010A_E500, 0x010A_E701, 0x010D_2400,
        0x010D_2801, 0x010D_6900, 0x010D_6E01, 0x010E_AB00, 0x010E_AD01, 0x010E_FA00,
        0x010F_0001, 0x010F_4600, 0x010F_5101, 0x010F_8200, 0x010F_8601, 0x0110_0005,
        0x0110_0100, 0x0110_0205, 0x0110_0301, 0x0110_3800, 0x0110_4604, 0x0110_4701,
        0x0110_7004, 0x0110_7101, 0x0110_7300, 0x0110_7501, 0x0110_7F04, 0x0110_8000,
        0x0110_8205, 0x0110_8301, 0x0110_B005, 0x0110_B300, 0x0110_B705, 0x0110_B904,
        0x0110_BA00, 0x0110_BB01, 0x0110_BD00, 0x0110_BE01, 0x0110_C200, 0x0110_C301,
        0x0110_CD00, 0x0110_CE01, 0x0111_0000, 0x0111_0301, 0x0111_2700, 0x0111_2C05,
        0x0111_2D00, 0x0111_3304, 0x0111_3501, 0x0111_4505, 0x0111_4701, 0x0111_7300,
        0x0111_7401, 0x0111_8000, 0x0111_8205, 0x0111_8301, 0x0111_B305, 0x0111_B600,
        0x0111_BF05, 0x0111_C101, 0x0111_C205, 0x0111_C401, 0x0111_C900, 0x0111_CD01,
        0x0111_CE05, 0x0111_CF00, 0x0111_D001, 0x0112_2C05, 0x0112_2F00, 0x0112_3205,
        0x0112_3400, 0x0112_3505, 0x0112_3600, 0x0112_3801, 0x0112_3E00, 0x0112_3F01,
        0x0112_4100, 0x0112_4201, 0x0112_DF00, 0x0112_E005, 0x0112_E300, 0x0112_EA04,
        0x0112_EB01, 0x0113_0000, 0x0113_0205, 0x0113_0401, 0x0113_3B00, 0x0113_3D01,
        0x0113_3E05, 0x0113_4000, 0x0113_4105, 0x0113_4501, 0x0113_4705, 0x0113_4901,
        0x0113_4B05, 0x0113_4E01, 0x0113_5705, 0x0113_5801, 0x0113_6205, 0x0113_6401,
        0x0113_6600, 0x0113_6D01, 0x0113_7000, 0x0113_7501, 0x0113_B805, 0x0113_BB00,
        0x0113_C101, 0x0113_C205, 0x0113_C301, 0x0113_C505, 0x0113_C601, 0x0113_C705,
        0x0113_CB01, 0x0113_CC05, 0x0113_CE04, 0x0113_CF05, 0x0113_D004, 0x0113_D105,
        0x0113_D200, 0x0113_D301, 0x0113_E100, 0x0113_E301, 0x0114_3505, 0x0114_3800,
        0x0114_4005, 0x0114_4204, 0x0114_4300, 0x0114_4505, 0x0114_4600, 0x0114_4701,
        0x0114_5E00, 0x0114_5F01, 0x0114_B005, 0x0114_B300, 0x0114_B905, 0x0114_BA00,
        0x0114_BB05, 0x0114_BF00, 0x0114_C105, 0x0114_C204, 0x0114_C300, 0x0114_C401,
        0x0115_AF05, 0x0115_B200, 0x0115_B601, 0x0115_B805, 0x0115_BC00, 0x0115_BE05,
        0x0115_BF04, 0x0115_C000, 0x0115_C101, 0x0115_DC00, 0x0115_DE01, 0x0116_3005,
        0x0116_3300, 0x0116_3B05, 0x0116_3D00, 0x0116_3E05, 0x0116_3F04, 0x0116_4000,
        0x0116_4101, 0x0116_AB00, 0x0116_AC05, 0x0116_AD00, 0x0116_AE05, 0x0116_B000,
        0x0116_B605, 0x0116_B700, 0x0116_B801, 0x0117_1D00, 0x0117_1E05, 0x0117_1F00,
        0x0117_2005, 0x0117_2200, 0x0117_2605, 0x0117_2700, 0x0117_2B04, 0x0117_2C01,
        0x0118_2C05, 0x0118_2F00, 0x0118_3805, 0x0118_3904, 0x0118_3A00, 0x0118_3B01,
        0x0119_3005, 0x0119_3601, 0x0119_3705, 0x0119_3901, 0x0119_3B00, 0x0119_3D05,
        0x0119_3E04, 0x0119_3F05, 0x0119_4300, 0x0119_4401, 0x0119_D105, 0x0119_D400,
        0x0119_D801, 0x0119_DA00, 0x0119_DC05, 0x0119_E004, 0x0119_E101, 0x0119_E405,
        0x0119_E501, 0x011A_0100, 0x011A_0B01, 0x011A_3300, 0x011A_3404, 0x011A_3500,
        0x011A_3905, 0x011A_3B00, 0x011A_3F01, 0x011A_4704, 0x011A_4801, 0x011A_5100,
        0x011A_5705, 0x011A_5900, 0x011A_5C01, 0x011A_8405, 0x011A_8A00, 0x011A_9705,
        0x011A_9800, 0x011A_9904, 0x011A_9A01, 0x011B_6000, 0x011B_6105, 0x011B_6200,
        0x011B_6505, 0x011B_6600, 0x011B_6705, 0x011B_6801, 0x011C_2F05, 0x011C_3000,
        0x011C_3701, 0x011C_3800, 0x011C_3E05, 0x011C_3F04, 0x011C_4001, 0x011C_9200,
        0x011C_A801, 0x011C_A905, 0x011C_AA00, 0x011C_B105, 0x011C_B200, 0x011C_B405,
        0x011C_B500, 0x011C_B701, 0x011D_3100, 0x011D_3701, 0x011D_3A00, 0x011D_3B01,
        0x011D_3C00, 0x011D_3E01, 0x011D_3F00, 0x011D_4404, 0x011D_4605, 0x011D_4700,
        0x011D_4801, 0x011D_8A05, 0x011D_8F01, 0x011D_9000, 0x011D_9201, 0x011D_9305,
        0x011D_9500, 0x011D_9605, 0x011D_9704, 0x011D_9801, 0x011E_F300, 0x011E_F505,
        0x011E_F701, 0x011F_0000, 0x011F_0205, 0x011F_0401, 0x011F_3405, 0x011F_3600,
        0x011F_3B01, 0x011F_3E05, 0x011F_4000, 0x011F_4105, 0x011F_4204, 0x011F_4301,
        0x011F_5A00, 0x011F_5B01, 0x0134_3000, 0x0134_4101, 0x0134_4700, 0x0134_5601,
        0x0161_1E00, 0x0161_2A05, 0x0161_2D00, 0x0161_2F04, 0x0161_3001, 0x016A_F000,
        0x016A_F501, 0x016B_3000, 0x016B_3701, 0x016F_4F00, 0x016F_5001, 0x016F_5105,
        0x016F_8801, 0x016F_8F00, 0x016F_9301, 0x016F_E002, 0x016F_E400, 0x016F_E501,
        0x016F_F005, 0x016F_F201, 0x0170_0002, 0x0187_F801, 0x0188_0002, 0x018C_D601,
        0x018C_FF02, 0x018D_0901, 0x01AF_F002, 0x01AF_F401, 0x01AF_F502, 0x01AF_FC01,
        0x01AF_FD02, 0x01AF_FF01, 0x01B0_0002, 0x01B1_2301, 0x01B1_3202, 0x01B1_3301,
        0x01B1_5002, 0x01B1_5301, 0x01B1_5502, 0x01B1_5601, 0x01B1_6402, 0x01B1_6801,
        0x01B1_7002, 0x01B2_FC01, 0x01BC_9D00, 0x01BC_9F01, 0x01BC_A000, 0x01BC_A401,
        0x01CF_0000, 0x01CF_2E01, 0x01CF_3000, 0x01CF_4701, 0x01D1_6505, 0x01D1_6700,
        0x01D1_6A01, 0x01D1_6D05, 0x01D1_7300, 0x01D1_8301, 0x01D1_8500, 0x01D1_8C01,
        0x01D1_AA00, 0x01D1_AE01, 0x01D2_4200, 0x01D2_4501, 0x01DA_0000, 0x01DA_3701,
        0x01DA_3B00, 0x01DA_6D01, 0x01DA_7500, 0x01DA_7601, 0x01DA_8400, 0x01DA_8501,
        0x01DA_9B00, 0x01DA_A001, 0x01DA_A100, 0x01DA_B001, 0x01E0_0000, 0x01E0_0701,
        0x01E0_0800, 0x01E0_1901, 0x01E0_1B00, 0x01E0_2201, 0x01E0_2300, 0x01E0_2501,
        0x01E0_2600, 0x01E0_2B01, 0x01E0_8F00, 0x01E0_9001, 0x01E1_3000, 0x01E1_3701,
        0x01E2_AE00, 0x01E2_AF01, 0x01E2_EC00, 0x01E2_F001, 0x01E4_EC00, 0x01E4_F001,
        0x01E5_EE00, 0x01E5_F001, 0x01E6_E300, 0x01E6_E401, 0x01E6_E600, 0x01E6_E701,
        0x01E6_EE00, 0x01E6_F001, 0x01E6_F500, 0x01E6_F601, 0x01E8_D000, 0x01E8_D701,
        0x01E9_4400, 0x01E9_4B01, 0x01F0_0402, 0x01F0_0501, 0x01F0_CF02, 0x01F0_D001,
        0x01F1_8E02, 0x01F1_8F01, 0x01F1_9102, 0x01F1_9B01, 0x01F1_E605, 0x01F2_0002,
        0x01F2_0301, 0x01F2_1002, 0x01F2_3C01, 0x01F2_4002, 0x01F2_4901, 0x01F2_5002,
        0x01F2_5201, 0x01F2_6002, 0x01F2_6601, 0x01F3_0002, 0x01F3_2101, 0x01F3_2D02,
        0x01F3_3601, 0x01F3_3702, 0x01F3_7D01, 0x01F3_7E02, 0x01F3_9401, 0x01F3_A002,
        0x01F3_CB01, 0x01F3_CF02, 0x01F3_D401, 0x01F3_E002, 0x01F3_F101, 0x01F3_F402,
        0x01F3_F501, 0x01F3_F802, 0x01F3_FB06, 0x01F4_0002, 0x01F4_3F01, 0x01F4_4002,
        0x01F4_4101, 0x01F4_4202, 0x01F4_FD01, 0x01F4_FF02, 0x01F5_3E01, 0x01F5_4B02,
        0x01F5_4F01, 0x01F5_5002, 0x01F5_6801, 0x01F5_7A02, 0x01F5_7B01, 0x01F5_9502,
        0x01F5_9701, 0x01F5_A402, 0x01F5_A501, 0x01F5_FB02, 0x01F6_5001, 0x01F6_8002,
        0x01F6_C601, 0x01F6_CC02, 0x01F6_CD01, 0x01F6_D002, 0x01F6_D301, 0x01F6_D502,
        0x01F6_D901, 0x01F6_DC02, 0x01F6_E001, 0x01F6_EB02, 0x01F6_ED01, 0x01F6_F402,
        0x01F6_FD01, 0x01F7_E002, 0x01F7_EC01, 0x01F7_F002, 0x01F7_F101, 0x01F9_0C02,
        0x01F9_3B01, 0x01F9_3C02, 0x01F9_4601, 0x01F9_4702, 0x01FA_0001, 0x01FA_7002,
        0x01FA_7D01, 0x01FA_8002, 0x01FA_8B01, 0x01FA_8E02, 0x01FA_C701, 0x01FA_C802,
        0x01FA_C901, 0x01FA_CD02, 0x01FA_DD01, 0x01FA_DF02, 0x01FA_EB01, 0x01FA_EF02,
        0x01FA_F901, 0x0200_0002, 0x02FF_FE01, 0x0300_0002, 0x03FF_FE01, 0x0E00_0100,
        0x0E00_0201, 0x0E00_2000, 0x0E00_8001, 0x0E01_0000, 0x0E01_F001,
    ]
}
