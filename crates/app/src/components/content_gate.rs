//! The gate every page's content passes: skeleton while loading, the error panel on failure, the page once the bundle is checked.

use super::{ErrorPanel, Loading};
use crate::content::Bundle;
use crate::data::use_content;
use leptos::prelude::*;
use std::sync::Arc;

/// Renders `render(bundle)` once the shared bundle is loaded; until then a
/// skeleton, and on failure the one error panel. Every page goes through
/// this, so no page can forget the loading or error state.
#[component]
pub fn WithContent<F, V>(
    /// Builds the page body from the checked bundle.
    render: F,
) -> impl IntoView
where
    F: Fn(Arc<Bundle>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let content = use_content();
    move || match content.state.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(bundle)) => render(bundle).into_any(),
        Some(Err(error)) => view! { <ErrorPanel error/> }.into_any(),
    }
}
