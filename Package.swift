// swift-tools-version:6.0
import Foundation
import PackageDescription

/// DealKit's byte loops (the JSON reader and writer, the fingerprint, the CSV) run optimized in
/// debug builds too: `swift test` reads and writes feeds thousands of times, and unoptimized
/// they were a third of its time (docs/performance.md, "The test suite's time"). To step
/// through DealKit in a debugger, build with SOVTRACK_DEALKIT_ONONE=1 set. An unsafe flag keeps
/// this package from being a versioned dependency of another: DealKit's library product serves
/// this package's own tools, not outside packages.
let dealKitSettings: [SwiftSetting] =
    ProcessInfo.processInfo.environment["SOVTRACK_DEALKIT_ONONE"] == nil
    ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

let package = Package(
    name: "sovtrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sovtrack", targets: ["sovtrack"]),
        .library(name: "DealKit", targets: ["DealKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .target(name: "DealKit", swiftSettings: dealKitSettings),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "DealTUI", dependencies: ["DealKit", "CNcursesw"]),
        .target(
            name: "DealPostgres",
            dependencies: ["DealKit", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .executableTarget(
            name: "sovtrack",
            dependencies: [
                "DealKit", "DealTUI", "DealPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sovtrack-bench", dependencies: ["DealKit", "DealTUI", "DealPostgres"]),
        // What the test targets share: seeded randomness, feed builders, the package root,
        // temporary directories and the tmux driver.
        .target(name: "TestSupport", dependencies: ["DealKit"], path: "Tests/TestSupport"),
        .testTarget(name: "DealKitTests", dependencies: ["DealKit", "TestSupport"]),
        .testTarget(name: "DealTUITests", dependencies: ["DealTUI", "DealKit", "TestSupport"]),
        .testTarget(name: "sovtrackTests", dependencies: ["DealKit", "sovtrack", "TestSupport"]),
        .testTarget(name: "DealPostgresTests", dependencies: ["DealPostgres", "DealKit", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
