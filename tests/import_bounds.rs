//! Crafted workbooks (`rops_e2e::crafted_workbooks`: a few kilobytes each,
//! made to make a reader allocate gigabytes) given to `content from-xlsx`
//! under a 1 GiB address-space limit: each is refused with its located
//! message and exit code 1, within 5 s, and nothing is written. Before the
//! bounds, each of these aborted the process (or took 4–8 GB first).
#![cfg(not(target_arch = "wasm32"))]

use rops_e2e::crafted_workbooks;
use std::process::Command;
use std::time::{Duration, Instant};

/// `ulimit -v` in KiB: 1 GiB.
const MEMORY_KIB: u64 = 1024 * 1024;

#[test]
fn every_crafted_workbook_is_refused_with_its_place_within_1_gib_and_5_s() {
    let dir = std::env::temp_dir().join(format!("rops-crafted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = env!("CARGO_BIN_EXE_content");
    for c in crafted_workbooks() {
        let input = dir.join(c.file);
        let out = dir.join(format!("{}.json", c.file));
        std::fs::write(&input, &c.bytes).unwrap();
        for (lang, says) in [("pl", c.says_pl), ("en", c.says_en)] {
            let started = Instant::now();
            let run = Command::new("sh")
                .arg("-c")
                .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
                .arg(bin)
                .args(["--lang", lang, "from-xlsx"])
                .arg(&input)
                .arg(&out)
                .output()
                .unwrap();
            let took = started.elapsed();
            let stderr = String::from_utf8_lossy(&run.stderr);
            println!(
                "{} ({}), {lang}: {took:?}: {}",
                c.file,
                c.what,
                stderr.trim()
            );
            assert_eq!(
                run.status.code(),
                Some(1),
                "{} ({lang}): exit {:?}, stderr: {stderr}",
                c.file,
                run.status
            );
            assert!(
                stderr.contains(says),
                "{} ({lang}): expected «{says}» in: {stderr}",
                c.file
            );
            assert!(took < Duration::from_secs(5), "{}: took {took:?}", c.file);
            assert!(!out.exists(), "{}: an output was written", c.file);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Under the same limit the shipped content's workbook still imports, to
/// the same bundle: the limit is not what refuses the crafted files.
#[test]
fn the_real_content_still_imports_under_the_same_limit() {
    let dir = std::env::temp_dir().join(format!("rops-crafted-ok-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = env!("CARGO_BIN_EXE_content");
    let book = dir.join("tresc.xlsx");
    let back = dir.join("back.json");
    let repo = env!("CARGO_MANIFEST_DIR");
    let to = Command::new(bin)
        .arg("to-xlsx")
        .arg(format!("{repo}/public/content/bundle.json"))
        .arg(&book)
        .status()
        .unwrap();
    assert!(to.success());
    let from = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(bin)
        .arg("from-xlsx")
        .arg(&book)
        .arg(&back)
        .output()
        .unwrap();
    assert!(
        from.status.success(),
        "{}",
        String::from_utf8_lossy(&from.stderr)
    );
    let a: serde_json::Value = serde_json::from_slice(&std::fs::read(&back).unwrap()).unwrap();
    let b: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{repo}/public/content/bundle.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(a, b);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Writes the crafted workbooks into $ROPS_CRAFTED_DIR: the fuzz tier's
/// seeds (scripts/fuzz.sh). Not a test of its own.
#[test]
#[ignore = "run by scripts/fuzz.sh"]
fn write_the_crafted_workbooks() {
    let dir = std::env::var("ROPS_CRAFTED_DIR").expect("ROPS_CRAFTED_DIR");
    for c in crafted_workbooks() {
        std::fs::write(std::path::Path::new(&dir).join(c.file), &c.bytes).unwrap();
    }
}
