//! Offline app glue: service-worker registration and the update handshake,
//! online/offline state, and the browser's install prompt. State only; the
//! toast and notices that show it are in `components::app_status`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is installed and waiting for the visitor's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// `navigator.onLine`, kept current.
    pub online: RwSignal<bool>,
    /// The browser offered installation (`beforeinstallprompt`).
    pub installable: RwSignal<bool>,
    install_event: StoredValue<Option<JsValue>, LocalStorage>,
    registration: StoredValue<Option<web_sys::ServiceWorkerRegistration>, LocalStorage>,
}

pub fn use_pwa() -> Option<Pwa> {
    use_context::<Pwa>()
}

pub fn provide_pwa() -> Pwa {
    let pwa = Pwa {
        update_ready: RwSignal::new(false),
        online: RwSignal::new(window().navigator().on_line()),
        installable: RwSignal::new(false),
        install_event: StoredValue::new_local(None),
        registration: StoredValue::new_local(None),
    };
    provide_context(pwa);

    let set_online = move |_: web_sys::Event| pwa.online.set(window().navigator().on_line());
    let on = window_event_listener_untyped("online", set_online);
    let off = window_event_listener_untyped("offline", set_online);
    let prompt = window_event_listener_untyped("beforeinstallprompt", move |ev: web_sys::Event| {
        // Keep the browser's own mini-infobar quiet; we offer a button instead.
        ev.prevent_default();
        pwa.install_event.set_value(Some(ev.into()));
        pwa.installable.set(true);
    });
    // The browser may have offered it before the app started (published
    // pages start the app after their first paint): boot.js kept the offer.
    if let Ok(early) = js_sys::Reflect::get(&window(), &"__ropsInstallPrompt".into()) {
        if early.is_object() {
            pwa.install_event.set_value(Some(early));
            pwa.installable.set(true);
        }
    }
    let installed =
        window_event_listener_untyped("appinstalled", move |_| pwa.installable.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
        prompt.remove();
        installed.remove();
    });

    leptos::task::spawn_local(register(pwa));
    pwa
}

impl Pwa {
    /// Switch to the waiting version: the worker takes over, then the page
    /// reloads once, on `controllerchange`, so HTML and wasm always match.
    pub fn apply_update(&self) {
        let Some(reg) = self.registration.get_value() else {
            return;
        };
        if let Some(waiting) = reg.waiting() {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"skip-waiting".into());
            let _ = waiting.post_message(&msg);
        }
    }

    pub fn install(&self) {
        let Some(ev) = self.install_event.get_value() else {
            return;
        };
        if let Ok(prompt) = js_sys::Reflect::get(&ev, &"prompt".into()) {
            if let Some(f) = prompt.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&ev);
            }
        }
        // A prompt can be shown once; the browser fires a new event if it may again.
        self.install_event.set_value(None);
        self.installable.set(false);
    }
}

fn has_service_workers() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false)
}

/// Ask the browser to look for a new worker now (e.g. the content needs a
/// newer app). A found one shows the update toast as usual.
pub fn look_for_update() {
    if !has_service_workers() {
        return;
    }
    let container = window().navigator().service_worker();
    leptos::task::spawn_local(async move {
        if let Ok(reg) = JsFuture::from(container.get_registration()).await {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                if let Ok(p) = reg.update() {
                    let _ = JsFuture::from(p).await;
                }
            }
        }
    });
}

/// The site no longer has a worker (`sw.js` answers 404 or 410: the
/// documented way to retire the PWA, and what debug builds do): unregister
/// ours and delete the app shell's caches, so nothing old is served again.
/// Any other failure (offline, a server error) keeps everything as it is.
async fn retire_if_gone() {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let Ok(resp) = JsFuture::from(window().fetch_with_str_and_init("sw.js", &init)).await else {
        return;
    };
    let Ok(resp) = resp.dyn_into::<web_sys::Response>() else {
        return;
    };
    if !matches!(resp.status(), 404 | 410) {
        return;
    }
    let container = window().navigator().service_worker();
    if let Ok(reg) = JsFuture::from(container.get_registration()).await {
        if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
            if let Ok(p) = reg.unregister() {
                let _ = JsFuture::from(p).await;
            }
        }
    }
    let site = crate::nav::router_base();
    if let Ok(caches) = window().caches() {
        if let Ok(keys) = JsFuture::from(caches.keys()).await {
            for key in js_sys::Array::from(&keys)
                .iter()
                .filter_map(|k| k.as_string())
            {
                // This site's shell caches only (their names end in its path).
                if key.starts_with("rops-shell-") && key.ends_with(&format!("@{site}/")) {
                    let _ = JsFuture::from(caches.delete(&key)).await;
                }
            }
        }
    }
}

async fn register(pwa: Pwa) {
    // Not every context has service workers (old browsers, some embeds):
    // then the app simply runs online-only.
    if !has_service_workers() {
        return;
    }
    let container = window().navigator().service_worker();
    let opts = web_sys::RegistrationOptions::new();
    opts.set_scope("./");
    let Ok(reg) = JsFuture::from(container.register_with_options("sw.js", &opts)).await else {
        retire_if_gone().await;
        return;
    };
    // Privacy tools and test harnesses replace `register` with stubs that
    // resolve to anything: only a real registration means offline support.
    let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
        return;
    };
    pwa.registration.set_value(Some(reg.clone()));

    let had_controller = container.controller().is_some();
    let check = move |reg: &web_sys::ServiceWorkerRegistration| {
        // Only an *update* needs the visitor's go-ahead; the first install
        // just starts working.
        if reg.waiting().is_some() && had_controller {
            pwa.update_ready.set(true);
        }
    };
    check(&reg);
    let reg2 = reg.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = reg2.installing() {
            let reg3 = reg2.clone();
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed {
                    check(&reg3);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        }
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();

    let reloading = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if had_controller && !reloading.replace(true) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    // Look for a new version now and whenever the visitor comes back to the
    // tab. (register() with an unchanged script URL does not fetch it at
    // all: a retired worker shows up here, as a failed update.)
    if let Ok(p) = reg.update() {
        if JsFuture::from(p).await.is_err() {
            retire_if_gone().await;
            return;
        }
    }
    let reg4 = reg.clone();
    let vis = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            let _ = reg4.update();
        }
    });
    std::mem::forget(vis);
}
