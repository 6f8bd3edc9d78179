//! Paths into the draft (a bundle's JSON value) and the edits made along
//! them: read, write, and the list operations of the form. Below both the
//! draft's checks (draft.rs) and the field tables (specs.rs), which each
//! need them. Pure: no leptos, no browser, tested natively.

use rops_app::content::{JsonPath, Segment};
use serde_json::{json, Map, Value};

/// One step of a path into the draft.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// A place in the draft (`$.events[3].title.pl`), the address of a field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(vec![])
    }
    pub fn key(&self, k: &'static str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k));
        p
    }
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
    /// A dotted key (`embed_titles.timeline`) as steps; the empty key is
    /// the path itself.
    pub fn keys(&self, dotted: &'static str) -> Path {
        dotted
            .split('.')
            .filter(|k| !k.is_empty())
            .fold(self.clone(), |p, k| p.key(k))
    }
    /// The id of the field's element: `f-events-3-title-pl`. Both a draft
    /// path and a validator fault's path give the same id, which is how a
    /// fault finds its field.
    pub fn dom_id(&self) -> String {
        let mut s = String::from("f");
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    s.push('-');
                    s.push_str(&k.replace('_', "-"));
                }
                Seg::Index(i) => s.push_str(&format!("-{i}")),
            }
        }
        s
    }
}

/// A fault's JSON path as the dom id of the field it belongs to.
pub fn fault_dom_id(path: &JsonPath) -> String {
    let mut s = String::from("f");
    for seg in &path.0 {
        match seg {
            Segment::Key(k) => {
                s.push('-');
                s.push_str(&k.replace('_', "-"));
            }
            Segment::Index(i) => s.push_str(&format!("-{i}")),
        }
    }
    s
}

pub fn get<'a>(v: &'a Value, p: &Path) -> Option<&'a Value> {
    p.0.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get(*k),
        Seg::Index(i) => v.get(*i),
    })
}

/// Sets the value at `p`, creating objects on the way (an optional text
/// that was null becomes `{"pl": …}`). False when the path crosses
/// something that is not an object or an array item.
pub fn set(v: &mut Value, p: &Path, new: Value) -> bool {
    let mut cur = v;
    for seg in &p.0 {
        cur = match seg {
            Seg::Key(k) => {
                if !cur.is_object() {
                    *cur = Value::Object(Map::new());
                }
                match cur.as_object_mut() {
                    Some(o) => o.entry(*k).or_insert(Value::Null),
                    None => return false,
                }
            }
            Seg::Index(i) => match cur.get_mut(*i) {
                Some(x) => x,
                None => return false,
            },
        };
    }
    *cur = new;
    true
}

pub fn text_at(v: &Value, p: &Path) -> String {
    get(v, p)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A list's items (an empty list when the draft has none there).
pub fn len_at(v: &Value, p: &Path) -> usize {
    get(v, p).and_then(Value::as_array).map_or(0, Vec::len)
}

/// Lists: reorder, duplicate, delete, add. Each returns whether it did.
pub fn move_item(v: &mut Value, list: &Path, from: usize, to: usize) -> bool {
    let Some(Value::Array(a)) = get_mut(v, list) else {
        return false;
    };
    if from >= a.len() || to >= a.len() {
        return false;
    }
    let item = a.remove(from);
    a.insert(to, item);
    true
}

pub fn remove_item(v: &mut Value, list: &Path, i: usize) -> bool {
    match get_mut(v, list) {
        Some(Value::Array(a)) if i < a.len() => {
            a.remove(i);
            true
        }
        _ => false,
    }
}

/// A copy of item `i` right after it, with a new id (`…-2`, `…-3`).
pub fn duplicate_item(v: &mut Value, list: &Path, i: usize) -> bool {
    let taken = ids_at(v, list);
    let Some(Value::Array(a)) = get_mut(v, list) else {
        return false;
    };
    let Some(mut copy) = a.get(i).cloned() else {
        return false;
    };
    if let Some(id) = copy.get("id").and_then(Value::as_str) {
        let id = unique_id(id, &taken);
        copy["id"] = Value::String(id);
    }
    a.insert(i + 1, copy);
    true
}

pub fn push_item(v: &mut Value, list: &Path, item: Value) -> bool {
    if get(v, list).is_none() {
        set(v, list, json!([]));
    }
    match get_mut(v, list) {
        Some(Value::Array(a)) => {
            a.push(item);
            true
        }
        _ => false,
    }
}

fn get_mut<'a>(v: &'a mut Value, p: &Path) -> Option<&'a mut Value> {
    p.0.iter().try_fold(v, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(*k),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// The ids of a list's items, in order (what reference lists offer).
pub fn ids_at(v: &Value, list: &Path) -> Vec<String> {
    get(v, list)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `base`, or `base-2`, `base-3`… whichever no item of `taken` has. (A
/// trailing number is part of the base: `nagroda-2012` stays itself.)
pub fn unique_id(base: &str, taken: &[String]) -> String {
    let base = if base.is_empty() { "pozycja" } else { base };
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_default()
}
