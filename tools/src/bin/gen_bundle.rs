//! Builds a large test bundle: the real content plus N synthetic events, for
//! the timeline's scale tests and benchmark. Synthetic events say so in every
//! text ("Zdarzenie testowe", "Test event"), so they can never pass for facts.
//!
//!     cargo run -p rops-tools --bin gen-bundle -- 10000 > /tmp/bundle-10000.json

fn main() -> std::process::ExitCode {
    use rops_content::{self as content, DateValue, Event, EventKind, Point, Text};

    let Some(n) = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
    else {
        eprintln!("usage: gen-bundle EVENTS > bundle.json");
        return std::process::ExitCode::from(2);
    };
    let real = include_str!("../../../public/content/bundle.json");
    let mut b = content::parse(real).expect("the shipped bundle is valid");
    let words = [
        "spółdzielnia socjalna",
        "ekonomia społeczna",
        "partnerstwo lokalne",
        "reintegracja zawodowa",
        "przedsiębiorstwo społeczne",
        "samorząd powiatowy",
        "współpraca ponadnarodowa",
        "usługi społeczne",
    ];
    // A fixed linear congruential sequence: the same bundle on every run.
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let projects: Vec<String> = b.projects.iter().map(|p| p.id.clone()).collect();
    let real_events = b.events.len();
    for i in 0..n.saturating_sub(real_events) {
        let year = 2004 + (next() % 22) as u16;
        let month = 1 + (next() % 12) as u8;
        let date = match next() % 10 {
            0 => DateValue::NotGiven,
            1 | 2 => DateValue::At(Point::Year(year)),
            3 => DateValue::Range {
                start: Point::Year(year),
                end: Some(Point::Year(year + 1 + (next() % 4) as u16)),
            },
            4..=6 => DateValue::At(Point::Month(year, month)),
            _ => DateValue::At(Point::Day(year, month, 1 + (next() % 28) as u8)),
        };
        let w = words[next() % words.len()];
        b.events.push(Event {
            id: format!("test-{i}"),
            date,
            kind: EventKind::ALL[next() % EventKind::ALL.len()],
            title: Text::pl_en(format!("Zdarzenie testowe {i}: {w}"), Some(format!("Test event {i}: {w}"))),
            description: Text::pl_en(format!("Opis zdarzenia testowego numer {i}, wygenerowany do pomiarów wydajności; temat: {w}. Nie jest to fakt z historii organizacji."), Some(format!("Description of test event number {i}, generated for performance measurements; topic: {w}. Not a fact of the organisation's history."))),
            project: (next() % 3 == 0).then(|| projects[next() % projects.len()].clone()),
            source: b.sources[0].id.clone(),
        });
    }
    let text = serde_json::to_string(&b).expect("serialisable");
    // Whatever we generate must pass the same checks as real content.
    if let Err(e) = content::parse(&text) {
        eprintln!("generated bundle is invalid: {e}");
        return std::process::ExitCode::from(1);
    }
    println!("{text}");
    std::process::ExitCode::SUCCESS
}
