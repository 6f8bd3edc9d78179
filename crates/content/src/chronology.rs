//! The bundle's events in timeline order, with what the timeline and the
//! event pages ask of them: which match a filter, where an event stands,
//! and its two neighbours. Built once per bundle; hands out `&Event`.

use super::model::{Bundle, Event};
use super::query::{Filter, SearchIndex};
use super::text::Lang;
use std::sync::OnceLock;

pub struct Chronology {
    /// Indices into `bundle.events`, in timeline order.
    order: Vec<usize>,
    /// (event id, its position in `order`), sorted by id, for a binary
    /// search; built on first use (only event pages ask), so a first visit
    /// to the timeline of a large bundle does not pay for it.
    position: OnceLock<Vec<(String, usize)>>,
    /// Per-language search indexes, built on first use (a visitor usually
    /// reads one language).
    index: [OnceLock<SearchIndex>; Lang::ALL.len()],
}

impl Chronology {
    pub fn new(b: &Bundle) -> Chronology {
        let mut order: Vec<usize> = (0..b.events.len()).collect();
        order.sort_by(|&x, &y| b.events[x].date.chronological(b.events[y].date));
        Chronology {
            order,
            position: OnceLock::new(),
            index: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// The event at a position in timeline order.
    pub fn at<'a>(&self, b: &'a Bundle, pos: usize) -> &'a Event {
        &b.events[self.order[pos]]
    }

    /// The index into `bundle.events` of the event at a position.
    pub fn index_at(&self, pos: usize) -> usize {
        self.order[pos]
    }

    /// Where an event stands in timeline order.
    pub fn position_of(&self, b: &Bundle, id: &str) -> Option<usize> {
        let position = self.position.get_or_init(|| {
            let mut p: Vec<(String, usize)> = self
                .order
                .iter()
                .enumerate()
                .map(|(pos, &i)| (b.events[i].id.clone(), pos))
                .collect();
            p.sort_unstable_by(|x, y| x.0.cmp(&y.0));
            p
        });
        position
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .map(|i| position[i].1)
    }

    /// Positions (in timeline order, ascending) of the events matching `f`.
    pub fn matching(&self, b: &Bundle, f: &Filter, lang: Lang) -> Vec<usize> {
        let events: Vec<&Event> = self.order.iter().map(|&i| &b.events[i]).collect();
        let slot = &self.index[lang.index()];
        slot.get_or_init(|| SearchIndex::new(&events, lang))
            .matching(b, &events, f)
    }

    /// The events before and after `id` among those matching `f`. An event
    /// that does not match the filter itself has no neighbours.
    pub fn neighbours<'a>(
        &self,
        b: &'a Bundle,
        f: &Filter,
        lang: Lang,
        id: &str,
    ) -> (Option<&'a Event>, Option<&'a Event>) {
        let Some(me) = self.position_of(b, id) else {
            return (None, None);
        };
        let m = self.matching(b, f, lang);
        let Ok(i) = m.binary_search(&me) else {
            return (None, None);
        };
        let prev = i.checked_sub(1).map(|j| self.at(b, m[j]));
        let next = m.get(i + 1).map(|&p| self.at(b, p));
        (prev, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, EventKind};

    const REAL: &str = include_str!("../../../public/content/bundle.json");

    fn ids<'a>(c: &Chronology, b: &'a Bundle, pos: &[usize]) -> Vec<&'a str> {
        pos.iter().map(|&p| c.at(b, p).id.as_str()).collect()
    }

    #[test]
    fn events_in_order_and_neighbours_within_a_filter() {
        let b = parse(REAL).unwrap();
        let c = Chronology::new(&b);
        let all: Vec<usize> = (0..b.events.len()).collect();
        let order = ids(&c, &b, &all);
        assert_eq!(order.first(), Some(&"2004-lider-equal"));
        for (pos, id) in order.iter().enumerate() {
            assert_eq!(c.position_of(&b, id), Some(pos));
        }

        let none = Filter::default();
        let (prev, next) = c.neighbours(&b, &none, Lang::Pl, "2015-mokes");
        let at = c.position_of(&b, "2015-mokes").unwrap();
        assert_eq!(prev.map(|e| e.id.as_str()), Some(order[at - 1]));
        assert_eq!(next.map(|e| e.id.as_str()), order.get(at + 1).copied());

        // Within "awards only" the neighbours are the other awards.
        let awards = Filter {
            kinds: vec![EventKind::Award],
            ..Filter::default()
        };
        let m = c.matching(&b, &awards, Lang::Pl);
        assert!(m.len() >= 2);
        assert!(m.iter().all(|&p| c.at(&b, p).kind == EventKind::Award));
        let first = c.at(&b, m[0]).id.clone();
        let (p, n) = c.neighbours(&b, &awards, Lang::Pl, &first);
        assert!(p.is_none());
        assert_eq!(n.map(|e| e.id.as_str()), Some(c.at(&b, m[1]).id.as_str()));
        // An event outside the filter, or unknown, has none.
        assert_eq!(
            c.neighbours(&b, &awards, Lang::Pl, "2015-mokes"),
            (None, None)
        );
        assert_eq!(c.neighbours(&b, &none, Lang::Pl, "nie-ma"), (None, None));
    }
}
