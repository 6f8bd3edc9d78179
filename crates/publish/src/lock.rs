//! One publish per DIST at a time: an advisory `flock(LOCK_EX)` on
//! `.DISTNAME.publish.lock` beside DIST. Beside, not inside: DIST itself is
//! swapped for another folder, and a lock inside it would go with it.
//!
//! The lock file may belong to another user (the administrator who took
//! the lock by hand during an upgrade): it is opened read-only, which is
//! all flock needs, and its removal may fail, which is harmless.
//!
//! The kernel releases a flock when its holder's file is closed, and so
//! when the holder dies however it dies: a killed publish never leaves a
//! stale lock, only (at worst) the empty lock file, which the next run
//! simply locks again.

use super::{beside, io, IfBusy, Notice, PublishError};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

/// DIST's lock, held until dropped.
///
/// Invariant: `_file` is locked and is the file that `path` names. The lock
/// file is removed when the lock is dropped (a successful or refused run
/// leaves nothing beside DIST), so a run that waited on the file may wake
/// up holding a file that no longer has a name, or whose name is now
/// another run's file; [`DistLock::acquire`] checks and starts again.
pub(super) struct DistLock {
    /// Held open: closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl DistLock {
    /// Locks `dist` (canonical). When another run holds it: waits, after
    /// one [`Notice::Waiting`] naming `shown` (DIST as the caller wrote
    /// it), or refuses with [`PublishError::Busy`].
    pub(super) fn acquire(
        dist: &Path,
        shown: &Path,
        if_busy: IfBusy,
        notice: &mut dyn FnMut(&Notice),
    ) -> Result<DistLock, PublishError> {
        let path = beside(dist, "publish.lock");
        let mut told = false;
        loop {
            let file = io(open_or_create(&path), &path)?;
            if !io(flock(&file, libc::LOCK_EX | libc::LOCK_NB), &path)? {
                if if_busy == IfBusy::Refuse {
                    return Err(PublishError::Busy {
                        dist: shown.to_owned(),
                    });
                }
                if !told {
                    notice(&Notice::Waiting {
                        dist: shown.to_owned(),
                    });
                    told = true;
                }
                io(flock(&file, libc::LOCK_EX), &path)?;
            }
            if io(names(&path, &file), &path)? {
                return Ok(DistLock { _file: file, path });
            }
        }
    }
}

impl Drop for DistLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this): whoever
        // opened it meanwhile finds it nameless once it has the lock, and
        // opens the path again.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The lock file, opened read-only when it exists: flock needs no write
/// access, and a lock file another user left (an administrator's
/// `flock` during an upgrade leaves it `root:root 0644`) must not stop
/// every publish with "Permission denied". Created only when missing.
fn open_or_create(path: &Path) -> std::io::Result<File> {
    loop {
        match File::open(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => return other,
        }
        match OpenOptions::new().write(true).create_new(true).open(path) {
            // Made by another run between the two calls: open theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            other => return other,
        }
    }
}

/// `flock(op)`; `false` when `op` has LOCK_NB and another holds the lock.
fn flock(file: &File, op: libc::c_int) -> std::io::Result<bool> {
    loop {
        // SAFETY: the descriptor is open for as long as `file` lives.
        if unsafe { libc::flock(file.as_raw_fd(), op) } == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EWOULDBLOCK) => return Ok(false),
            _ => return Err(e),
        }
    }
}

/// Whether `path` still names `file` (the same inode on the same device).
fn names(path: &Path, file: &File) -> std::io::Result<bool> {
    let held = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(named) => Ok(named.dev() == held.dev() && named.ino() == held.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}
