//! What the app keeps on the visitor's device: the service worker and its
//! shell cache, the saved content.

use crate::page::{open, wait_js};
use crate::server::{dist_dir, Override, Site};
use fantoccini::Client;

/// A first visit to `path`: the page drawn (`ready`), then the worker in
/// control and the bundle saved for offline use.
pub async fn first_visit(c: &Client, site: &impl Site, path: &str, ready: &str) {
    open(c, site, path, ready).await;
    wait_saved_for_offline(c).await;
}

/// Waits until the worker controls the page and the bundle is in the
/// app's content cache.
pub async fn wait_saved_for_offline(c: &Client) {
    wait_js(c, "navigator.serviceWorker.controller").await;
    wait_js(
        c,
        "(await caches.match(new URL('content/bundle.json', document.baseURI).href)) && (await caches.keys()).some(n => n.startsWith('rops-content-'))",
    )
    .await;
}

/// Forgets what the app saved on this "device": the service worker and every
/// cache, so the next load behaves like a first visit.
pub async fn forget_device(c: &Client) {
    c.execute_async(
        "const done = arguments[0]; \
         Promise.all([\
           navigator.serviceWorker.getRegistrations().then(rs => Promise.all(rs.map(r => r.unregister()))),\
           caches.keys().then(k => Promise.all(k.map(n => caches.delete(n)))),\
         ]).then(() => done(true), () => done(false));",
        vec![],
    )
    .await
    .expect("clearing the device");
}

/// Names of this origin's caches.
pub async fn cache_names(c: &Client) -> Vec<String> {
    let v = c
        .execute_async(
            "const done = arguments[0]; caches.keys().then(done, () => done([]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// The worker's shell caches (`rops-shell-<version>@<site path>`): one per installed version.
pub async fn shell_caches(c: &Client) -> Vec<String> {
    cache_names(c)
        .await
        .into_iter()
        .filter(|n| n.starts_with("rops-shell-"))
        .collect()
}

/// The shipped worker with another version: what a new deploy looks like.
pub fn worker_version(version: &str) -> Override {
    let sw = std::fs::read_to_string(dist_dir().join("sw.js")).unwrap();
    let start = sw.find("const VERSION = \"").unwrap() + "const VERSION = \"".len();
    let end = start + sw[start..].find('"').unwrap();
    let new = format!("{}{version}{}", &sw[..start], &sw[end..]);
    assert_ne!(new, sw);
    Override::bytes("text/javascript", new.into_bytes())
}
