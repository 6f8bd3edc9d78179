//! Debian's nginx with `deploy/nginx.conf`, as docs/administrators.md's deployment
//! section configures it, on a loopback port (e2e::nginx, e2e::publish), and
//! the small file and HTTP pieces those tests share.

use crate::server::{repo_dir, Site};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running nginx; stopped, and its folder removed, when dropped.
pub struct Nginx {
    child: Child,
    /// The app's address, with the sub-path and no trailing slash.
    pub base: String,
    dir: PathBuf,
}

impl Site for Nginx {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: nginx's master then stops its workers,
        // which a killed master would leave running.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A copy of a dist directory this test may change.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// nginx serving `dist` at `prefix` ("/" or "/ekonomia/"), configured as the
/// docs/administrators.md's deployment section says: at the root, `root` is dist itself;
/// under a sub-path, `root` is a folder holding dist under the sub-path's
/// name (here a symlink).
pub fn start_nginx(dist: &Path, prefix: &str) -> Nginx {
    let repo = repo_dir();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = std::env::temp_dir().join(format!("rops-nginx-{port}"));
    std::fs::create_dir_all(dir.join("tmp")).unwrap();
    std::fs::copy(
        repo.join("deploy/security-headers.conf"),
        dir.join("rops-security-headers.conf"),
    )
    .unwrap();
    let d = dir.display();
    let root = if prefix == "/" {
        dist.to_path_buf()
    } else {
        let www = dir.join("www");
        std::fs::create_dir_all(&www).unwrap();
        let link = www.join(prefix.trim_matches('/'));
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(dist, &link).unwrap();
        www
    };
    let location = if prefix == "/" {
        "location /".to_owned()
    } else {
        format!("location ^~ {prefix}")
    };
    let conf = format!(
        "worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
         load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n\
         load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n\
           client_body_temp_path {d}/tmp/body; proxy_temp_path {d}/tmp/proxy; fastcgi_temp_path {d}/tmp/fcgi;\n\
           uwsgi_temp_path {d}/tmp/uwsgi; scgi_temp_path {d}/tmp/scgi;\n\
           server {{\n    listen 127.0.0.1:{port};\n    root {root};\n\
             set $rops_frame_ancestors \"'self' http://127.0.0.1:*\";\n\
             {location} {{\n      set $rops_base {prefix};\n      include {repo}/deploy/nginx.conf;\n    }}\n  }}\n}}\n",
        root = root.display(),
        repo = repo.display(),
    );
    std::fs::write(dir.join("nginx.conf"), conf).unwrap();
    // The configuration must pass nginx's own check first.
    let check = Command::new("nginx")
        .args([
            "-t",
            "-p",
            &d.to_string(),
            "-c",
            &dir.join("nginx.conf").display().to_string(),
        ])
        .output()
        .expect("nginx on PATH (scripts/setup.sh --browser installs it)");
    assert!(
        check.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let child = Command::new("nginx")
        .args([
            "-p",
            &d.to_string(),
            "-c",
            &dir.join("nginx.conf").display().to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nginx on PATH (scripts/setup.sh --browser installs it)");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Nginx {
        child,
        base: format!("http://127.0.0.1:{port}{}", prefix.trim_end_matches('/')),
        dir,
    }
}

/// A chunked HTTP/1.1 body, joined.
pub fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    loop {
        let eol = raw.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&raw[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + size]);
        raw = &raw[eol + 2 + size + 2..];
    }
}
