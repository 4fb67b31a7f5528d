#pragma once
// A database failure said in words a clerk can act on, never the database's own message: what
// kind of trouble it is, and the full text kept in a log for the administrator.
#include <exception>
#include <string>

namespace gongji::app {

enum class StorageTrouble {
    none,     // not the database's: an application refusal, a device, a file
    busy,     // another program holds the database locked: trying again helps
    unreachable,  // the address is wrong, or nothing answers there: the administrator checks it
    damaged,  // the file is not a database any more, or the disk failed under it
    not_permitted,  // the connection's role may not change this (the administrators' tables through a window's)
    other,    // anything else the database refused or could not do
};

StorageTrouble storage_trouble(const std::exception& e);
// What to do about not_permitted, for the command line and the administrator's log.
extern const char* const kNotPermittedAdvice;

// Appends the failure, with the time and what was being done, to the administrator's log
// (gongji-desk.log in the user's data folder); returns the log's path ("" when not writable).
std::string log_for_administrator(const std::string& doing, const std::exception& e);

}  // namespace gongji::app
