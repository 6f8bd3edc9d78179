//! Everything the site keeps on a visitor's device, in one table. The code
//! that stores each item takes its name from here (the scripts in
//! `public/` are checked against it by the test below), and the privacy
//! page lists this table: the page cannot go stale.

use crate::content::Lang;

/// Where the browser keeps an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `localStorage`: kept until removed.
    Local,
    /// `sessionStorage`: gone when the tab is closed.
    Session,
    /// Cache Storage (the service worker's and the app's copies).
    Cache,
}

/// One item: its name (for a name that goes on with the site's path or a
/// version, the part before it), where it is, and what it holds, why and
/// for how long, in each language.
#[derive(Debug, Clone, Copy)]
pub struct Kept {
    pub name: &'static str,
    /// How the name goes on, if it does (shown after `name`).
    pub rest: [&'static str; Lang::ALL.len()],
    pub place: Place,
    pub what: [&'static str; Lang::ALL.len()],
    /// Only staff who opened the content editor have it.
    pub editor_only: bool,
}

impl Kept {
    /// The name as the privacy page shows it: `rops-shell-<wersja>@<ścieżka>`.
    pub fn shown_name(&self, lang: Lang) -> String {
        format!("{}{}", self.name, self.rest[index(lang)])
    }

    pub fn what(&self, lang: Lang) -> &'static str {
        self.what[index(lang)]
    }

    /// Whether `key` (a storage key or a cache's name) is this item.
    pub fn matches(&self, key: &str) -> bool {
        if self.rest[0].is_empty() {
            key == self.name
        } else {
            key.starts_with(self.name)
        }
    }
}

fn index(lang: Lang) -> usize {
    lang.index()
}

/// The text of a `[Polish, English, Ukrainian, German]` row (as [`SERVER_LOG`]
/// gives them): one per language of `Lang::ALL`, checked by the compiler.
pub fn in_lang(texts: &[&'static str; Lang::ALL.len()], lang: Lang) -> &'static str {
    texts[index(lang)]
}

pub const THEME: Kept = Kept {
    name: "rops.theme",
    rest: ["", "", "", ""],
    place: Place::Local,
    what: [
        "Wybrany motyw (jasny lub ciemny), by strona wyglądała tak samo przy następnej wizycie. Zapisywany dopiero po zmianie motywu.",
        "The theme you chose (light or dark), so the site looks the same on your next visit. Stored only once you change the theme.",
        "Вибрана тема (світла чи темна), щоб сайт мав той самий вигляд під час наступного візиту. Зберігається лише після зміни теми.",
        "Das gewählte Design (hell oder dunkel), damit die Website beim nächsten Besuch gleich aussieht. Erst gespeichert, wenn Sie das Design wechseln.",
    ],
    editor_only: false,
};

pub const LANGUAGE: Kept = Kept {
    name: "rops.lang",
    rest: ["", "", "", ""],
    place: Place::Local,
    what: [
        "Wybrany język, by strona otworzyła się w nim przy następnej wizycie. Zapisywany dopiero po zmianie języka.",
        "The language you chose, so the site opens in it on your next visit. Stored only once you switch the language.",
        "Вибрана мова, щоб сайт відкривався цією мовою під час наступного візиту. Зберігається лише після зміни мови.",
        "Die gewählte Sprache, damit die Website beim nächsten Besuch in ihr öffnet. Erst gespeichert, wenn Sie die Sprache wechseln.",
    ],
    editor_only: false,
};

pub const BOOT_RETRIED: Kept = Kept {
    name: "rops.boot-retried",
    rest: ["", "", "", ""],
    place: Place::Session,
    what: [
        "Znacznik, że strona raz już przeładowała się po nieudanym uruchomieniu (by nie przeładowywać jej w kółko). Znika po zamknięciu karty.",
        "A mark that the page has already reloaded once after a failed start (so it never reloads in a loop). Gone when you close the tab.",
        "Позначка, що сторінка вже один раз перезавантажилася після невдалого запуску (щоб не перезавантажуватися без кінця). Зникає після закриття вкладки.",
        "Eine Markierung, dass die Seite nach einem fehlgeschlagenen Start schon einmal neu geladen hat (damit sie nie endlos neu lädt). Verschwindet, wenn Sie den Tab schließen.",
    ],
    editor_only: false,
};

pub const SHELL_CACHE: Kept = Kept {
    name: "rops-shell-",
    rest: [
        "<wersja>@<ścieżka serwisu>",
        "<version>@<site path>",
        "<версія>@<шлях сайту>",
        "<Version>@<Pfad der Website>",
    ],
    place: Place::Cache,
    what: [
        "Pliki aplikacji (program, style, ikony), zapisane przy pierwszej wizycie, by serwis działał bez internetu. Zastępowane przy każdej nowej wersji.",
        "The app's files (program, styles, icons), saved on your first visit so the site works offline. Replaced with each new version.",
        "Файли застосунку (програма, стилі, піктограми), збережені під час першого візиту, щоб сайт працював без інтернету. Замінюються з кожною новою версією.",
        "Die Dateien der Anwendung (Programm, Stile, Symbole), beim ersten Besuch gespeichert, damit die Website offline funktioniert. Mit jeder neuen Version ersetzt.",
    ],
    editor_only: false,
};

pub const CONTENT_CACHE: Kept = Kept {
    name: "rops-content-v",
    rest: [
        "<numer>@<ścieżka serwisu>",
        "<number>@<site path>",
        "<номер>@<шлях сайту>",
        "<Nummer>@<Pfad der Website>",
    ],
    place: Place::Cache,
    what: [
        "Ostatnia poprawna kopia treści serwisu, by strona pokazała ją bez internetu. Zastępowana nowszą.",
        "The last good copy of the site's content, shown when you are offline. Replaced by a newer one.",
        "Остання правильна копія вмісту сайту, яку показуємо, коли ви офлайн. Замінюється новішою.",
        "Die letzte fehlerfreie Kopie des Inhalts der Website, angezeigt, wenn Sie offline sind. Durch eine neuere ersetzt.",
    ],
    editor_only: false,
};

pub const EDITOR_CACHE: Kept = Kept {
    name: "rops-editor@",
    rest: [
        "<ścieżka serwisu>",
        "<site path>",
        "<шлях сайту>",
        "<Pfad der Website>",
    ],
    place: Place::Cache,
    what: [
        "Pliki edytora treści, by działał bez internetu. Tylko u pracowników, którzy otworzyli edytor.",
        "The content editor's files, so it works offline. Only for staff who opened the editor.",
        "Файли редактора вмісту, щоб він працював без інтернету. Лише в працівників, які відкривали редактор.",
        "Die Dateien des Inhaltseditors, damit er offline funktioniert. Nur bei Mitarbeitenden, die den Editor geöffnet haben.",
    ],
    editor_only: true,
};

pub const EDITOR_DRAFT: Kept = Kept {
    name: "rops.editor.draft@",
    rest: [
        "<ścieżka serwisu>",
        "<site path>",
        "<шлях сайту>",
        "<Pfad der Website>",
    ],
    place: Place::Local,
    what: [
        "Szkic treści w edytorze, by nic wpisanego nie przepadło. Tylko u pracowników, którzy pisali w edytorze.",
        "The draft in the content editor, so nothing typed is lost. Only for staff who wrote in the editor.",
        "Чернетка в редакторі вмісту, щоб нічого набраного не втратилося. Лише в працівників, які писали в редакторі.",
        "Der Entwurf im Inhaltseditor, damit nichts Eingegebene verloren geht. Nur bei Mitarbeitenden, die im Editor geschrieben haben.",
    ],
    editor_only: true,
};

pub const EDITOR_UNSAVED: Kept = Kept {
    name: "rops.editor.unsaved@",
    rest: [
        "<ścieżka serwisu>",
        "<site path>",
        "<шлях сайту>",
        "<Pfad der Website>",
    ],
    place: Place::Local,
    what: [
        "Znacznik, że szkic w edytorze ma zmiany jeszcze nieopublikowane. Tylko u pracowników.",
        "A mark that the editor's draft has changes not yet published. Staff only.",
        "Позначка, що чернетка в редакторі має ще не опубліковані зміни. Лише в працівників.",
        "Eine Markierung, dass der Entwurf im Editor noch nicht veröffentlichte Änderungen hat. Nur bei Mitarbeitenden.",
    ],
    editor_only: true,
};

/// The editor's draft before drafts were kept per site: read once and
/// moved to [`EDITOR_DRAFT`].
pub const EDITOR_LEGACY_DRAFT: Kept = Kept {
    name: "rops.editor.draft",
    rest: ["", "", "", ""],
    place: Place::Local,
    what: [
        "Szkic edytora zapisany przez starszą wersję; przenoszony przy otwarciu edytora. Tylko u pracowników.",
        "An editor draft stored by an older version; moved when the editor opens. Staff only.",
        "Чернетка редактора, збережена старішою версією; переноситься під час відкриття редактора. Лише в працівників.",
        "Ein von einer älteren Version gespeicherter Entwurf des Editors; beim Öffnen des Editors übernommen. Nur bei Mitarbeitenden.",
    ],
    editor_only: true,
};

/// Everything, as the privacy page lists it.
pub const ALL: [Kept; 9] = [
    THEME,
    LANGUAGE,
    BOOT_RETRIED,
    SHELL_CACHE,
    CONTENT_CACHE,
    EDITOR_CACHE,
    EDITOR_DRAFT,
    EDITOR_UNSAVED,
    EDITOR_LEGACY_DRAFT,
];

/// What the web server writes to its access log for every file it sends:
/// nginx's default `combined` format, which the site's configuration in
/// `deploy/` does not change (checked below).
pub const SERVER_LOG: [[&str; Lang::ALL.len()]; 6] = [
    [
        "adres IP Twojego urządzenia",
        "your device's IP address",
        "IP-адреса вашого пристрою",
        "die IP-Adresse Ihres Geräts",
    ],
    [
        "data i godzina",
        "the date and time",
        "дата і час",
        "Datum und Uhrzeit",
    ],
    [
        "adres pobranej strony lub pliku i wynik (kod odpowiedzi, rozmiar)",
        "the address of the page or file and the result (status code, size)",
        "адреса завантаженої сторінки або файлу і результат (код відповіді, розмір)",
        "die Adresse der abgerufenen Seite oder Datei und das Ergebnis (Statuscode, Größe)",
    ],
    [
        "adres strony, z której przyszedł odnośnik (jeśli przeglądarka go poda)",
        "the page the link came from (if the browser sends it)",
        "адреса сторінки, з якої ви перейшли за посиланням (якщо браузер її передає)",
        "die Seite, von der der Link kam (wenn der Browser sie mitsendet)",
    ],
    [
        "nazwa i wersja przeglądarki oraz systemu",
        "the browser's and the system's name and version",
        "назва і версія браузера та системи",
        "Name und Version des Browsers und des Systems",
    ],
    [
        "nazwa użytkownika edytora — tylko przy publikowaniu",
        "the editor's user name — only when publishing",
        "ім’я користувача редактора — лише під час публікації",
        "der Benutzername im Editor — nur beim Veröffentlichen",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every storage key or cache name the scripts in `public/`, the app
    /// and the editor write is an item of the table (the Rust code takes
    /// its names from the table itself): a new key without its line on the
    /// privacy page fails here.
    #[test]
    fn the_table_is_everything_the_code_stores() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut names = vec![];
        for dir in ["public", "crates/app/src", "src/editor"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                let ext = path.extension().and_then(|e| e.to_str());
                if matches!(ext, Some("js" | "rs")) && !path.ends_with("storage.rs") {
                    names.extend(quoted_names(&std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        // The scripts' own names are seen (the scan works).
        for seen in ["rops.theme", "rops.boot-retried", "rops-shell-"] {
            assert!(
                names.iter().any(|n| n == seen),
                "{seen} not found: {names:?}"
            );
        }
        for n in &names {
            assert!(
                ALL.iter().any(|k| k.matches(n) || n.starts_with(k.name)),
                "{n:?} is stored by the code but not listed in storage::ALL (the privacy page)"
            );
        }
    }

    /// Storage-like names opening a string in `src` (after `"` or a
    /// backtick), up to the first character a name has not: `"rops.theme"`,
    /// `` `rops-shell-${VERSION}@${SITE}` `` → `rops-shell-`.
    fn quoted_names(src: &str) -> Vec<String> {
        let mut out = vec![];
        for (i, _) in src.match_indices("rops") {
            if !matches!(src[..i].chars().last(), Some('"' | '`')) {
                continue;
            }
            let name: String = src[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '@' | '_'))
                .collect();
            let storage_like = name.starts_with("rops.")
                || name.starts_with("rops-shell-")
                || name.starts_with("rops-content-")
                || name.starts_with("rops-editor@");
            if storage_like {
                out.push(name);
            }
        }
        out
    }

    #[test]
    fn the_site_s_server_configuration_keeps_nginx_s_default_log() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../deploy");
        for f in [
            "rops-site.conf",
            "nginx.conf",
            "upload.conf",
            "security-headers.conf",
        ] {
            let conf = std::fs::read_to_string(format!("{root}/{f}")).unwrap();
            for directive in ["log_format", "access_log"] {
                assert!(
                    !conf
                        .lines()
                        .any(|l| l.trim_start().starts_with(directive)),
                    "deploy/{f} sets {directive}: update storage::SERVER_LOG, which the privacy page lists"
                );
            }
        }
    }
}
