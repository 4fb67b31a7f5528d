#pragma once
// A fresh, empty database for each test, on the backend the test run was registered for:
// GONGJI_TEST_BACKEND=sqlite (a file in a temporary folder) or postgresql (a new database on
// the throwaway server named by GONGJI_TEST_PG).
#include <functional>
#include <string>

#include "core/instant.h"

namespace gongji::test {

std::string backend_name();  // "sqlite" or "postgresql"

// The moment storage tests record things at (storage takes its times from the caller).
inline const core::Instant kTestNow{1795311000};  // 2026-11-22T01:30:00Z

class FreshDatabase {
public:
    FreshDatabase();
    // A copy of the database `make` builds at the URL it is given, made once per process for each
    // `kind` (the file copied; on PostgreSQL, CREATE DATABASE … TEMPLATE): tests that each start
    // from an initialized workspace pay for the initialization once, not once a test.
    FreshDatabase(const std::string& kind, const std::function<void(const std::string& url)>& make);
    ~FreshDatabase();
    FreshDatabase(const FreshDatabase&) = delete;
    FreshDatabase& operator=(const FreshDatabase&) = delete;
    const std::string& url() const { return url_; }

private:
    void create(const std::string& pg_template);
    std::string url_;
    std::string sqlite_dir_;
};

// A temporary folder removed at destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    // Writes `content` (bytes) to a file in the folder and returns its path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

// A small, complete PNG image (2 × 2 pixels), for tests that attach a scan.
std::string tiny_png();

}  // namespace gongji::test
