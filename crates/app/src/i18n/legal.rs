//! What the law asks a public body's pages to say, in each language: the
//! three forms of art. 6 pkt 3 lit. c of the 2019 accessibility act (easy
//! to read, Polish Sign Language, machine-readable text), the 2024
//! declaration template's headings, and the EU's funding statements. Kept
//! apart from the general UI strings: each has a legal source, and the
//! template's headings must read exactly as it writes them.

use crate::content::{EuWording, Fund, Lang};

pub struct Legal {
    /// The footer's links (and the pages' headings).
    pub etr_title: &'static str,
    pub pjm_title: &'static str,
    pub text_file: &'static str,
    /// Where the law's three forms are, for the footer's group.
    pub forms_label: &'static str,
    pub etr_missing: &'static str,
    pub pjm_missing: &'static str,
    /// Before the contact, on a page whose content is being prepared.
    pub ask_meanwhile: &'static str,
    pub ask_in_declaration: &'static str,
    /// Where the bundle gives no way at all to reach the organisation.
    pub no_contact: &'static str,
    pub epuap_label: &'static str,
    pub office_hours_label: &'static str,
    pub bip_label: &'static str,
    /// The declaration's "address of the seat" (art. 10).
    pub seat_label: &'static str,
    pub deaf_label: &'static str,
    pub transcript: &'static str,
    pub video_fallback: &'static str,
    /// A caption track's label, in the track's own language.
    pub captions_label: &'static str,
    pub etr_description: &'static str,
    /// The easy-to-read page's last part, from the contact fields.
    pub etr_contact_title: &'static str,
    pub etr_contact_intro: &'static str,
    pub pjm_description: &'static str,
    // The 2024 declaration template (version 2.0). Its introduction, in
    // four parts: [entity] commits … its [website] … . It applies to the
    // website [linked name].
    pub intro_commits: &'static str,
    pub intro_scope: &'static str,
    pub intro_law: &'static str,
    pub intro_applies: &'static str,
    pub scope_label: &'static str,
    /// After a publication date the bundle does not give: where it is from.
    pub published_by_publisher: &'static str,
    /// "Niedostępne treści", over the two or three lists below it.
    pub inaccessible_title: &'static str,
    pub burden_title: &'static str,
    /// Art. 10: the declaration links the Commissioner for Human Rights
    /// (before, the link's words, after).
    pub rpo: (&'static str, &'static str, &'static str),
    pub shortcuts_title: &'static str,
    pub shortcuts: [&'static str; 4],
    pub procedure_title: &'static str,
    pub other_title: &'static str,
    pub architecture_title: &'static str,
    pub communication_title: &'static str,
    pub applications_title: &'static str,
    // The EU's visibility rules.
    pub eu: &'static str,
    pub eu_funded_2021: &'static str,
    pub eu_cofinanced: &'static str,
    pub no_strip: &'static str,
    pub contract_number: &'static str,
    pub kohesio: &'static str,
    /// A project's own page (the one with the marks in full).
    pub project_page: &'static str,
    pub about_project: &'static str,
    /// Annex XII 2.2(2)(a): a project's page states its aims and results.
    pub results_title: &'static str,
    pub results_missing: &'static str,
    pub project_funding_title: &'static str,
    pub back_to_funding: &'static str,
    pub project_not_found: &'static str,
    pub project_not_found_text: &'static str,
    // The privacy page (GDPR art. 13, and what the site stores).
    pub privacy_title: &'static str,
    pub privacy_description: &'static str,
    pub privacy_intro: &'static str,
    pub controller_title: &'static str,
    pub dpo_title: &'static str,
    pub purposes_title: &'static str,
    pub logs_title: &'static str,
    pub logs_intro: &'static str,
    pub logs_retention: &'static str,
    pub device_title: &'static str,
    pub device_intro: &'static str,
    /// The table's column headings: name, where, what and why.
    pub device_columns: [&'static str; 3],
    /// Local storage, session storage, Cache Storage.
    pub places: [&'static str; 3],
    pub clear_title: &'static str,
    pub clear_text: &'static str,
    pub rights_title: &'static str,
    /// Before the link to the supervisory authority, its words, after.
    pub rights: (&'static str, &'static str, &'static str),
    pub open_data_title: &'static str,
    pub open_data_intro: &'static str,
    pub open_projects: &'static str,
    pub open_events: &'static str,
    pub open_dataset: &'static str,
    pub licence: &'static str,
}

const PL: Legal = Legal {
    etr_title: "Tekst łatwy do czytania",
    pjm_title: "Informacje w polskim języku migowym",
    text_file: "Informacje w postaci tekstu odczytywalnego maszynowo",
    forms_label: "Dostępne formy informacji i dane otwarte",
    etr_missing: "Informacje o nas w tekście łatwym do czytania są w przygotowaniu.",
    pjm_missing: "Nagranie z informacjami o nas w polskim języku migowym jest w przygotowaniu.",
    ask_meanwhile: "Do tego czasu odpowiemy na pytania. Dane kontaktowe:",
    ask_in_declaration: "Jak zażądać informacji w innej formie, opisuje deklaracja dostępności",
    no_contact: "Danych kontaktowych jeszcze nie podaliśmy.",
    epuap_label: "Skrytka ePUAP",
    office_hours_label: "Godziny pracy",
    bip_label: "Biuletyn Informacji Publicznej",
    seat_label: "Adres siedziby",
    deaf_label: "Dla osób głuchych",
    transcript: "Tekst nagrania",
    video_fallback: "Ta przeglądarka nie odtwarza nagrania. Możesz pobrać plik:",
    captions_label: "polski",
    etr_description: "Informacje o nas w tekście łatwym do czytania",
    etr_contact_title: "Jak się z nami skontaktować",
    etr_contact_intro: "Masz pytanie? Skontaktuj się z nami.",
    pjm_description: "Informacje o nas w polskim języku migowym, z napisami i tekstem nagrania",
    intro_commits: "zobowiązuje się zapewnić dostępność swojej",
    intro_scope: "strony internetowej",
    intro_law: "zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
    intro_applies: "Deklaracja dostępności dotyczy strony internetowej",
    scope_label: "Zakres deklaracji",
    published_by_publisher: "data pierwszej publikacji serwisu, zapisana przez system publikacji (treść nie podaje daty publikacji)",
    inaccessible_title: "Niedostępne treści",
    burden_title: "Nadmierne koszty",
    rpo: (
        "Możesz także poinformować o tej sytuacji ",
        "Rzecznika Praw Obywatelskich",
        " i poprosić o interwencję w Twojej sprawie.",
    ),
    shortcuts_title: "Skróty klawiszowe",
    shortcuts: [
        "Własne skróty klawiszowe działają tylko na osi czasu i na stronie wydarzenia (poniżej) i nie zastępują skrótów przeglądarki ani czytnika ekranu, które działają wszędzie.",
        "Na liście wydarzeń osi czasu strzałki przenoszą do poprzedniego lub następnego wydarzenia, a Home i End do pierwszego i ostatniego.",
        "Na przeglądzie osi czasu strzałki przenoszą między elementami, a Enter otwiera wybrany.",
        "Na stronie wydarzenia klawisz Escape wraca do osi czasu.",
    ],
    procedure_title: "Obsługa wniosków i skarg związanych z dostępnością",
    other_title: "Pozostałe informacje",
    architecture_title: "Dostępność architektoniczna",
    communication_title: "Dostępność komunikacyjno-informacyjna",
    applications_title: "Aplikacje mobilne",
    eu: "Unia Europejska",
    eu_funded_2021: "Dofinansowane przez Unię Europejską",
    eu_cofinanced: "Projekt współfinansowany przez Unię Europejską",
    no_strip: "Pasek logotypów programu nie został jeszcze dodany do treści.",
    contract_number: "Numer umowy",
    kohesio: "Ten projekt w bazie Kohesio (serwis Komisji Europejskiej)",
    project_page: "Strona projektu",
    about_project: "Cele i działania",
    results_title: "Rezultaty",
    results_missing: "Źródło nie podaje rezultatów tego projektu.",
    project_funding_title: "Wartość i dofinansowanie",
    back_to_funding: "Wszystkie projekty i ich finansowanie",
    project_not_found: "Nie ma takiego projektu",
    project_not_found_text: "W treści serwisu nie ma projektu o tym adresie.",
    privacy_title: "Prywatność",
    privacy_description: "Jakie dane osobowe przetwarzamy i co serwis zapisuje na Twoim urządzeniu",
    privacy_intro: "Tu piszemy, jakie dane osobowe przetwarzamy, gdy korzystasz z serwisu, i co serwis zapisuje na Twoim urządzeniu.",
    controller_title: "Administrator danych",
    dpo_title: "Inspektor ochrony danych",
    purposes_title: "Cele i podstawy prawne przetwarzania",
    logs_title: "Dzienniki serwera",
    logs_intro: "Przy każdym pobraniu strony lub pliku serwer zapisuje w dzienniku:",
    logs_retention: "Jak długo przechowujemy dzienniki",
    device_title: "Co serwis zapisuje na Twoim urządzeniu",
    device_intro: "Serwis nie używa plików cookie ani narzędzi analitycznych. Na Twoim urządzeniu zapisuje tylko to, co wymienia tabela.",
    device_columns: ["Nazwa", "Gdzie", "Co i po co"],
    places: [
        "pamięć lokalna przeglądarki (localStorage)",
        "pamięć karty (sessionStorage)",
        "pamięć podręczna (Cache Storage)",
    ],
    clear_title: "Jak to usunąć",
    clear_text: "Wszystko z tabeli usuniesz w ustawieniach przeglądarki: w części o prywatności usuń dane tej witryny. Serwis będzie działał dalej. Motyw i język trzeba będzie wybrać ponownie. Jeśli piszesz w edytorze treści, najpierw opublikuj szkic albo pobierz go do pliku, bo zostanie usunięty razem z resztą.",
    rights_title: "Twoje prawa",
    rights: (
        "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania oraz prawo sprzeciwu, na zasadach art. 15–18 i 21 RODO. Masz też prawo wnieść skargę do ",
        "Prezesa Urzędu Ochrony Danych Osobowych",
        ".",
    ),
    open_data_title: "Dane otwarte",
    open_data_intro: "Dane o projektach i wydarzeniach do ponownego wykorzystania, w plikach CSV (UTF-8, średnik) z opisem zbioru.",
    open_projects: "Projekty (CSV)",
    open_events: "Wydarzenia (CSV)",
    open_dataset: "Opis zbioru danych (JSON-LD, DCAT)",
    licence: "Licencja",
};

const EN: Legal = Legal {
    etr_title: "Easy-to-read information",
    pjm_title: "Information in Polish Sign Language",
    text_file: "Information as machine-readable text",
    forms_label: "Accessible forms of information and open data",
    etr_missing: "Easy-to-read information about us is being prepared.",
    pjm_missing: "A recording about us in Polish Sign Language is being prepared.",
    ask_meanwhile: "Until then, we will answer your questions. Contact:",
    ask_in_declaration: "How to ask for the information in another form is described in the accessibility statement",
    no_contact: "We have not given our contact details yet.",
    epuap_label: "ePUAP inbox",
    office_hours_label: "Office hours",
    bip_label: "Public information bulletin (BIP)",
    seat_label: "Address of the seat",
    deaf_label: "For Deaf people",
    transcript: "Text of the recording",
    video_fallback: "This browser cannot play the recording. You can download the file:",
    captions_label: "English",
    etr_description: "Information about us in easy-to-read language",
    etr_contact_title: "How to contact us",
    etr_contact_intro: "Do you have a question? Contact us.",
    pjm_description: "Information about us in Polish Sign Language, with captions and a transcript",
    intro_commits: "is committed to making its",
    intro_scope: "website",
    intro_law: "accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.",
    intro_applies: "This accessibility statement applies to the website",
    scope_label: "Scope of this statement",
    published_by_publisher: "the day the site was first published, recorded by the publishing system (the content gives no publication date)",
    inaccessible_title: "Non-accessible content",
    burden_title: "Disproportionate burden",
    rpo: (
        "You may also inform the ",
        "Commissioner for Human Rights (Rzecznik Praw Obywatelskich)",
        " of the situation and ask for an intervention in your case.",
    ),
    shortcuts_title: "Keyboard shortcuts",
    shortcuts: [
        "The site's own shortcuts work only on the timeline and on an event's page (below), and replace none of the browser's or screen reader's shortcuts, which work everywhere.",
        "In the timeline's list of events, the arrow keys move to the previous or next event, and Home and End to the first and last.",
        "In the timeline's overview, the arrow keys move between items, and Enter opens the one chosen.",
        "On an event's page, Escape goes back to the timeline.",
    ],
    procedure_title: "Handling requests and complaints concerning accessibility",
    other_title: "Other information",
    architecture_title: "Architectural accessibility",
    communication_title: "Communication and information accessibility",
    applications_title: "Mobile applications",
    eu: "European Union",
    eu_funded_2021: "Co-funded by the European Union",
    eu_cofinanced: "Project co-financed by the European Union",
    no_strip: "The programme's logo strip is not in the content yet.",
    contract_number: "Contract number",
    kohesio: "This project in Kohesio (a European Commission website)",
    project_page: "Project page",
    about_project: "Aims and activities",
    results_title: "Results",
    results_missing: "The source does not give this project's results.",
    project_funding_title: "Value and funding",
    back_to_funding: "All projects and their funding",
    project_not_found: "No such project",
    project_not_found_text: "The site's content has no project at this address.",
    privacy_title: "Privacy",
    privacy_description: "What personal data we process and what the site stores on your device",
    privacy_intro: "Here we say what personal data we process when you use the site, and what the site stores on your device.",
    controller_title: "Data controller",
    dpo_title: "Data protection officer",
    purposes_title: "Purposes and legal bases of processing",
    logs_title: "Server logs",
    logs_intro: "For every page or file it sends, the server writes to its log:",
    logs_retention: "How long we keep the logs",
    device_title: "What the site stores on your device",
    device_intro: "The site uses no cookies and no analytics. On your device it stores only what the table lists.",
    device_columns: ["Name", "Where", "What and why"],
    places: [
        "the browser's local storage (localStorage)",
        "the tab's storage (sessionStorage)",
        "the cache (Cache Storage)",
    ],
    clear_title: "How to remove it",
    clear_text: "You can remove everything in the table in your browser's settings: in the privacy part, delete this site's data. The site keeps working. You will have to choose the theme and the language again. If you write in the content editor, publish your draft or download it to a file first: it is deleted with the rest.",
    rights_title: "Your rights",
    rights: (
        "You have the right of access to your data, to rectification, erasure or restriction of processing, and to object, under GDPR articles 15–18 and 21. You may also lodge a complaint with the ",
        "President of the Personal Data Protection Office (UODO)",
        ".",
    ),
    open_data_title: "Open data",
    open_data_intro: "The projects and events as reusable data, in CSV files (UTF-8, semicolon-separated) with a description of the dataset.",
    open_projects: "Projects (CSV)",
    open_events: "Events (CSV)",
    open_dataset: "Dataset description (JSON-LD, DCAT)",
    licence: "Licence",
};

const UK: Legal = Legal {
    etr_title: "Інформація легкою для читання мовою",
    pjm_title: "Інформація польською жестовою мовою",
    text_file: "Інформація у вигляді машинозчитуваного тексту",
    forms_label: "Доступні форми інформації та відкриті дані",
    etr_missing: "Інформація про нас легкою для читання мовою готується.",
    pjm_missing: "Запис з інформацією про нас польською жестовою мовою готується.",
    ask_meanwhile: "Тим часом ми відповімо на ваші запитання. Контакти:",
    ask_in_declaration: "Як попросити інформацію в іншій формі, описано в декларації доступності",
    no_contact: "Ми ще не вказали своїх контактних даних.",
    epuap_label: "Скринька ePUAP",
    office_hours_label: "Години роботи",
    bip_label: "Бюлетень публічної інформації (BIP)",
    seat_label: "Адреса місцезнаходження",
    deaf_label: "Для глухих людей",
    transcript: "Текст запису",
    video_fallback: "Цей браузер не відтворює запис. Ви можете завантажити файл:",
    captions_label: "українська",
    etr_description: "Інформація про нас легкою для читання мовою",
    etr_contact_title: "Як з нами зв’язатися",
    etr_contact_intro: "Маєте запитання? Зв’яжіться з нами.",
    pjm_description: "Інформація про нас польською жестовою мовою, із субтитрами і текстом запису",
    intro_commits: "зобов’язується забезпечити доступність свого",
    intro_scope: "вебсайту",
    intro_law: "відповідно до Закону Польщі від 4 квітня 2019 року про цифрову доступність вебсайтів і мобільних застосунків публічних суб’єктів.",
    intro_applies: "Ця декларація доступності стосується вебсайту",
    scope_label: "Сфера дії декларації",
    published_by_publisher: "дата першої публікації сайту, записана системою публікації (вміст не подає дати публікації)",
    inaccessible_title: "Недоступний вміст",
    burden_title: "Надмірні витрати",
    rpo: (
        "Ви також можете повідомити про цю ситуацію ",
        "Уповноваженого з прав людини (Rzecznik Praw Obywatelskich)",
        " і попросити втрутитися у вашу справу.",
    ),
    shortcuts_title: "Клавіатурні скорочення",
    shortcuts: [
        "Власні клавіатурні скорочення сайту діють лише в хронології та на сторінці події (нижче) і не замінюють скорочень браузера чи програми зчитування екрана, які діють скрізь.",
        "У списку подій хронології стрілки переходять до попередньої або наступної події, а Home і End — до першої та останньої.",
        "В огляді хронології стрілки переходять між елементами, а Enter відкриває вибраний.",
        "На сторінці події клавіша Escape повертає до хронології.",
    ],
    procedure_title: "Розгляд вимог і скарг щодо доступності",
    other_title: "Інша інформація",
    architecture_title: "Архітектурна доступність",
    communication_title: "Комунікаційно-інформаційна доступність",
    applications_title: "Мобільні застосунки",
    eu: "Європейський Союз",
    eu_funded_2021: "Співфінансовано Європейським Союзом",
    eu_cofinanced: "Проєкт співфінансується Європейським Союзом",
    no_strip: "Смугу логотипів програми ще не додано до вмісту.",
    contract_number: "Номер договору",
    kohesio: "Цей проєкт у базі Kohesio (сервіс Європейської Комісії)",
    project_page: "Сторінка проєкту",
    about_project: "Цілі та дії",
    results_title: "Результати",
    results_missing: "Джерело не подає результатів цього проєкту.",
    project_funding_title: "Вартість і співфінансування",
    back_to_funding: "Усі проєкти та їхнє фінансування",
    project_not_found: "Такого проєкту немає",
    project_not_found_text: "У вмісті сайту немає проєкту з такою адресою.",
    privacy_title: "Конфіденційність",
    privacy_description: "Які персональні дані ми обробляємо і що сайт зберігає на вашому пристрої",
    privacy_intro: "Тут ми пишемо, які персональні дані обробляємо, коли ви користуєтеся сайтом, і що сайт зберігає на вашому пристрої.",
    controller_title: "Адміністратор даних",
    dpo_title: "Інспектор із захисту даних",
    purposes_title: "Цілі та правові підстави обробки",
    logs_title: "Журнали сервера",
    logs_intro: "Щоразу, коли завантажується сторінка або файл, сервер записує в журнал:",
    logs_retention: "Як довго ми зберігаємо журнали",
    device_title: "Що сайт зберігає на вашому пристрої",
    device_intro: "Сайт не використовує файлів cookie ані аналітичних інструментів. На вашому пристрої він зберігає лише те, що перелічено в таблиці.",
    device_columns: ["Назва", "Де", "Що і навіщо"],
    places: [
        "локальне сховище браузера (localStorage)",
        "сховище вкладки (sessionStorage)",
        "кеш (Cache Storage)",
    ],
    clear_title: "Як це видалити",
    clear_text: "Усе з таблиці ви видалите в налаштуваннях браузера: у розділі про конфіденційність видаліть дані цього сайту. Сайт і далі працюватиме. Тему і мову доведеться вибрати знову. Якщо ви пишете в редакторі вмісту, спершу опублікуйте чернетку або збережіть її у файл, бо її буде видалено разом з рештою.",
    rights_title: "Ваші права",
    rights: (
        "Ви маєте право на доступ до своїх даних, їх виправлення, видалення або обмеження обробки, а також право на заперечення — на умовах статей 15–18 і 21 GDPR. Ви також маєте право подати скаргу до ",
        "Голови Управління захисту персональних даних (Prezes Urzędu Ochrony Danych Osobowych)",
        ".",
    ),
    open_data_title: "Відкриті дані",
    open_data_intro: "Дані про проєкти й події для повторного використання, у файлах CSV (UTF-8, крапка з комою) з описом набору.",
    open_projects: "Проєкти (CSV)",
    open_events: "Події (CSV)",
    open_dataset: "Опис набору даних (JSON-LD, DCAT)",
    licence: "Ліцензія",
};

/// German: the fictional organisation's fourth language (our translation).
const DE: Legal = Legal {
    etr_title: "Informationen in Leichter Sprache",
    pjm_title: "Informationen in polnischer Gebärdensprache",
    text_file: "Informationen als maschinenlesbarer Text",
    forms_label: "Zugängliche Formen der Information und offene Daten",
    etr_missing: "Die Informationen über uns in Leichter Sprache werden vorbereitet.",
    pjm_missing: "Die Aufnahme mit Informationen über uns in polnischer Gebärdensprache wird vorbereitet.",
    ask_meanwhile: "Bis dahin beantworten wir gern Ihre Fragen. Kontakt:",
    ask_in_declaration: "Wie Sie Informationen in einer anderen Form erbitten, steht in der Erklärung zur Barrierefreiheit",
    no_contact: "Wir haben unsere Kontaktdaten noch nicht angegeben.",
    epuap_label: "ePUAP-Postfach",
    office_hours_label: "Öffnungszeiten",
    bip_label: "Bulletin für öffentliche Informationen (BIP)",
    seat_label: "Anschrift des Sitzes",
    deaf_label: "Für gehörlose Menschen",
    transcript: "Text der Aufnahme",
    video_fallback: "Dieser Browser spielt die Aufnahme nicht ab. Sie können die Datei herunterladen:",
    captions_label: "Deutsch",
    etr_description: "Informationen über uns in Leichter Sprache",
    etr_contact_title: "So erreichen Sie uns",
    etr_contact_intro: "Haben Sie Fragen? Schreiben oder rufen Sie uns an.",
    pjm_description: "Informationen über uns in polnischer Gebärdensprache, mit Untertiteln und dem Text der Aufnahme",
    intro_commits: "verpflichtet sich, seine",
    intro_scope: "Website",
    intro_law: "im Einklang mit dem polnischen Gesetz vom 4. April 2019 über die digitale Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen barrierefrei zu gestalten.",
    intro_applies: "Diese Erklärung zur Barrierefreiheit gilt für die Website",
    scope_label: "Geltungsbereich der Erklärung",
    published_by_publisher: "Tag der ersten Veröffentlichung der Website, vom Veröffentlichungssystem festgehalten (der Inhalt nennt kein Veröffentlichungsdatum)",
    inaccessible_title: "Nicht barrierefreie Inhalte",
    burden_title: "Unverhältnismäßige Belastung",
    rpo: (
        "Sie können diese Lage auch ",
        "dem Beauftragten für Bürgerrechte (Rzecznik Praw Obywatelskich)",
        " melden und ihn bitten, sich Ihrer Sache anzunehmen.",
    ),
    shortcuts_title: "Tastenkürzel",
    shortcuts: [
        "Die Website hat eigene Tastenkürzel nur in der Zeitleiste und auf der Seite eines Ereignisses (unten); sie ersetzen nicht die Kürzel des Browsers oder des Screenreaders, die überall gelten.",
        "In der Liste der Ereignisse der Zeitleiste führen die Pfeiltasten zum vorherigen oder nächsten Ereignis, Pos1 und Ende zum ersten und letzten.",
        "In der Übersicht der Zeitleiste führen die Pfeiltasten von Element zu Element, die Eingabetaste öffnet das gewählte.",
        "Auf der Seite eines Ereignisses führt die Escape-Taste zurück zur Zeitleiste.",
    ],
    procedure_title: "Bearbeitung von Ersuchen und Beschwerden zur Barrierefreiheit",
    other_title: "Weitere Informationen",
    architecture_title: "Bauliche Barrierefreiheit",
    communication_title: "Barrierefreiheit in Kommunikation und Information",
    applications_title: "Mobile Anwendungen",
    eu: "Europäische Union",
    eu_funded_2021: "Kofinanziert von der Europäischen Union",
    eu_cofinanced: "Das Projekt wird von der Europäischen Union kofinanziert",
    no_strip: "Die Logoleiste des Programms ist noch nicht im Inhalt.",
    contract_number: "Vertragsnummer",
    kohesio: "Dieses Projekt in Kohesio (einem Dienst der Europäischen Kommission)",
    project_page: "Seite des Projekts",
    about_project: "Ziele und Tätigkeiten",
    results_title: "Ergebnisse",
    results_missing: "Die Quelle nennt keine Ergebnisse dieses Projekts.",
    project_funding_title: "Wert und Kofinanzierung",
    back_to_funding: "Alle Projekte und ihre Finanzierung",
    project_not_found: "Dieses Projekt gibt es nicht",
    project_not_found_text: "Der Inhalt hat kein Projekt unter dieser Adresse.",
    privacy_title: "Datenschutz",
    privacy_description: "Welche personenbezogenen Daten wir verarbeiten und was die Website auf Ihrem Gerät speichert",
    privacy_intro: "Hier steht, welche personenbezogenen Daten wir verarbeiten, wenn Sie die Website nutzen, und was die Website auf Ihrem Gerät speichert.",
    controller_title: "Verantwortlicher",
    dpo_title: "Datenschutzbeauftragte oder Datenschutzbeauftragter",
    purposes_title: "Zwecke und Rechtsgrundlagen der Verarbeitung",
    logs_title: "Protokolle des Servers",
    logs_intro: "Bei jedem Abruf einer Seite oder Datei schreibt der Server in sein Protokoll:",
    logs_retention: "Wie lange wir die Protokolle aufbewahren",
    device_title: "Was die Website auf Ihrem Gerät speichert",
    device_intro: "Die Website verwendet weder Cookies noch Analysewerkzeuge. Auf Ihrem Gerät speichert sie nur, was die Tabelle nennt.",
    device_columns: ["Name", "Wo", "Was und wozu"],
    places: [
        "lokaler Speicher des Browsers (localStorage)",
        "Speicher des Tabs (sessionStorage)",
        "Cache (Cache Storage)",
    ],
    clear_title: "So löschen Sie es",
    clear_text: "Alles aus der Tabelle löschen Sie in den Einstellungen des Browsers: Löschen Sie im Bereich Datenschutz die Daten dieser Website. Die Website funktioniert weiter. Design und Sprache wählen Sie dann neu. Wenn Sie im Inhaltseditor schreiben, veröffentlichen Sie den Entwurf zuerst oder speichern Sie ihn als Datei, denn er wird mit dem Rest gelöscht.",
    rights_title: "Ihre Rechte",
    rights: (
        "Sie haben das Recht auf Auskunft über Ihre Daten, auf Berichtigung, Löschung oder Einschränkung der Verarbeitung sowie das Recht auf Widerspruch, nach den Artikeln 15–18 und 21 DSGVO. Sie haben auch das Recht, sich bei ",
        "dem Präsidenten des Amtes für den Schutz personenbezogener Daten (Prezes Urzędu Ochrony Danych Osobowych)",
        " zu beschweren.",
    ),
    open_data_title: "Offene Daten",
    open_data_intro: "Daten über Projekte und Ereignisse zur Weiterverwendung, als CSV-Dateien (UTF-8, Semikolon) mit einer Beschreibung des Datensatzes.",
    open_projects: "Projekte (CSV)",
    open_events: "Ereignisse (CSV)",
    open_dataset: "Beschreibung des Datensatzes (JSON-LD, DCAT)",
    licence: "Lizenz",
};

pub fn legal(lang: Lang) -> &'static Legal {
    match lang {
        Lang::Pl => &PL,
        Lang::En => &EN,
        Lang::Uk => &UK,
        Lang::De => &DE,
    }
}

/// The funding statement a project's period calls for, with the fund's
/// name where the rules of 2014–2020 and before ask for it ("…ze środków
/// Europejskiego Funduszu Społecznego").
pub fn eu_statement(wording: EuWording, fund: Option<Fund>, lang: Lang) -> String {
    let l = legal(lang);
    match (wording, fund, lang) {
        (EuWording::Funded2021, _, _) => l.eu_funded_2021.to_owned(),
        (EuWording::CoFinanced, None, _) => l.eu_cofinanced.to_owned(),
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::Pl) => {
            format!(
                "{} ze środków Europejskiego Funduszu Społecznego",
                l.eu_cofinanced
            )
        }
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::En) => {
            format!("{} from the European Social Fund", l.eu_cofinanced)
        }
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::De) => {
            format!("{} aus dem Europäischen Sozialfonds", l.eu_cofinanced)
        }
        (EuWording::CoFinanced, Some(Fund::Efs), Lang::Uk) => {
            format!(
                "{} з коштів Європейського соціального фонду",
                l.eu_cofinanced
            )
        }
    }
}

/// When the template has a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The status is partial or none: "Niedostępne treści" and its lists.
    NotFull,
    /// Besides, the body relies on disproportionate burden (art. 8).
    Burden,
    /// The body has mobile applications.
    Applications,
}

/// One heading of the template: its level, its words, the id on it (if
/// the template puts one there) and when it is there.
pub type TemplateHeading = (&'static str, &'static str, Option<&'static str>, When);

/// The template's headings of the declaration (version 2.0 of 31 July
/// 2024), in its order: the native template test reads the rendered
/// declaration against this list. "Aplikacje mobilne" comes first under
/// "Pozostałe informacje", as in the template.
pub const DECLARATION_HEADINGS: [[TemplateHeading; 13]; Lang::ALL.len()] = [
    DECLARATION_HEADINGS_PL,
    DECLARATION_HEADINGS_EN,
    DECLARATION_HEADINGS_UK,
    DECLARATION_HEADINGS_DE,
];

/// The same headings in the German statement (our translation).
const DECLARATION_HEADINGS_DE: [TemplateHeading; 13] = [
    ("h2", "Stand der Vereinbarkeit", None, When::Always),
    ("h2", "Nicht barrierefreie Inhalte", None, When::NotFull),
    ("h3", "Unvereinbarkeit mit dem Anhang", None, When::NotFull),
    (
        "h3",
        "Inhalte, die nicht unter die Vorschriften fallen",
        None,
        When::NotFull,
    ),
    ("h3", "Unverhältnismäßige Belastung", None, When::Burden),
    ("h2", "Erstellung dieser Erklärung", None, When::Always),
    ("h2", "Tastenkürzel", None, When::Always),
    ("h2", "Rückmeldungen und Kontaktangaben", None, When::Always),
    (
        "h2",
        "Bearbeitung von Ersuchen und Beschwerden zur Barrierefreiheit",
        Some("a11y-procedura"),
        When::Always,
    ),
    ("h2", "Weitere Informationen", None, When::Always),
    (
        "h3",
        "Mobile Anwendungen",
        Some("a11y-aplikacje"),
        When::Applications,
    ),
    (
        "h3",
        "Bauliche Barrierefreiheit",
        Some("a11y-architektura"),
        When::Always,
    ),
    (
        "h3",
        "Barrierefreiheit in Kommunikation und Information",
        Some("a11y-komunikacja"),
        When::Always,
    ),
];

const DECLARATION_HEADINGS_PL: [TemplateHeading; 13] = [
    ("h2", "Stan dostępności cyfrowej", None, When::Always),
    ("h2", "Niedostępne treści", None, When::NotFull),
    ("h3", "Niezgodność z załącznikiem", None, When::NotFull),
    ("h3", "Treści nieobjęte przepisami", None, When::NotFull),
    ("h3", "Nadmierne koszty", None, When::Burden),
    (
        "h2",
        "Przygotowanie deklaracji dostępności",
        None,
        When::Always,
    ),
    ("h2", "Skróty klawiszowe", None, When::Always),
    (
        "h2",
        "Informacje zwrotne i dane kontaktowe",
        None,
        When::Always,
    ),
    (
        "h2",
        "Obsługa wniosków i skarg związanych z dostępnością",
        Some("a11y-procedura"),
        When::Always,
    ),
    ("h2", "Pozostałe informacje", None, When::Always),
    (
        "h3",
        "Aplikacje mobilne",
        Some("a11y-aplikacje"),
        When::Applications,
    ),
    (
        "h3",
        "Dostępność architektoniczna",
        Some("a11y-architektura"),
        When::Always,
    ),
    (
        "h3",
        "Dostępność komunikacyjno-informacyjna",
        Some("a11y-komunikacja"),
        When::Always,
    ),
];

/// The same headings in the English statement (our translation).
const DECLARATION_HEADINGS_EN: [TemplateHeading; 13] = [
    ("h2", "Compliance status", None, When::Always),
    ("h2", "Non-accessible content", None, When::NotFull),
    ("h3", "Non-compliance with the annex", None, When::NotFull),
    (
        "h3",
        "Content not within the scope of the legislation",
        None,
        When::NotFull,
    ),
    ("h3", "Disproportionate burden", None, When::Burden),
    ("h2", "Preparation of this statement", None, When::Always),
    ("h2", "Keyboard shortcuts", None, When::Always),
    ("h2", "Feedback and contact information", None, When::Always),
    (
        "h2",
        "Handling requests and complaints concerning accessibility",
        Some("a11y-procedura"),
        When::Always,
    ),
    ("h2", "Other information", None, When::Always),
    (
        "h3",
        "Mobile applications",
        Some("a11y-aplikacje"),
        When::Applications,
    ),
    (
        "h3",
        "Architectural accessibility",
        Some("a11y-architektura"),
        When::Always,
    ),
    (
        "h3",
        "Communication and information accessibility",
        Some("a11y-komunikacja"),
        When::Always,
    ),
];

/// The same headings in the Ukrainian statement (our translation).
const DECLARATION_HEADINGS_UK: [TemplateHeading; 13] = [
    ("h2", "Стан цифрової доступності", None, When::Always),
    ("h2", "Недоступний вміст", None, When::NotFull),
    ("h3", "Невідповідність додатку", None, When::NotFull),
    (
        "h3",
        "Вміст, на який не поширюються вимоги",
        None,
        When::NotFull,
    ),
    ("h3", "Надмірні витрати", None, When::Burden),
    (
        "h2",
        "Підготовка декларації доступності",
        None,
        When::Always,
    ),
    ("h2", "Клавіатурні скорочення", None, When::Always),
    (
        "h2",
        "Зворотний зв’язок і контактні дані",
        None,
        When::Always,
    ),
    (
        "h2",
        "Розгляд вимог і скарг щодо доступності",
        Some("a11y-procedura"),
        When::Always,
    ),
    ("h2", "Інша інформація", None, When::Always),
    (
        "h3",
        "Мобільні застосунки",
        Some("a11y-aplikacje"),
        When::Applications,
    ),
    (
        "h3",
        "Архітектурна доступність",
        Some("a11y-architektura"),
        When::Always,
    ),
    (
        "h3",
        "Комунікаційно-інформаційна доступність",
        Some("a11y-komunikacja"),
        When::Always,
    ),
];

/// The ids the template requires in every declaration, each once.
/// Conditional ones: `a11y-ocena` (on the burden analysis) and
/// `a11y-aplikacje` (on the applications), only where the bundle has them.
pub const DECLARATION_IDS: [&str; 15] = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-zakres",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-kontakt",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-komunikacja",
];

/// The Commissioner for Human Rights' public information bulletin, which
/// the template's example links (art. 10 asks for a link to the RPO).
pub const RPO_URL: &str = "https://bip.brpo.gov.pl/";
