//! The content bundle as a spreadsheet and back, for staff who keep it in a
//! spreadsheet program: [`sheet`] lays the bundle out as tables and reads
//! them back (ending in `rops_content::parse`, each fault named by its
//! cell); [`xlsx`] reads and writes the files (xlsx, ods, a folder of CSV),
//! bounded before anything is expanded.

pub mod sheet;
pub mod xlsx;
