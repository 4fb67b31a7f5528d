#include "support/test_database.h"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "storage/database.h"

namespace gongji::test {
namespace {

namespace fs = std::filesystem;
std::atomic<int> counter{0};

std::string pg_admin_url() {
    const char* url = std::getenv("GONGJI_TEST_PG");
    if (!url || !*url)
        throw std::runtime_error("GONGJI_TEST_PG is not set: run the PostgreSQL tests through ./test.sh");
    return url;
}

// Replaces the database name (the path after the last '/') of a libpq URI.
std::string with_database(const std::string& url, const std::string& name) {
    auto query = url.find('?');
    auto base = url.substr(0, query);
    auto slash = base.rfind('/');
    return base.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

std::string backend_name() {
    const char* b = std::getenv("GONGJI_TEST_BACKEND");
    return b && std::string(b) == "postgresql" ? "postgresql" : "sqlite";
}

FreshDatabase::FreshDatabase() { create("template0"); }

FreshDatabase::FreshDatabase(const std::string& kind, const std::function<void(const std::string& url)>& make) {
    // Kept until the process ends (a folder of SQLite's removed then; PostgreSQL's go with the server).
    static std::map<std::string, std::unique_ptr<FreshDatabase>> made;
    static std::mutex lock;
    std::lock_guard hold(lock);
    auto& original = made[kind];
    if (!original) {
        auto building = std::make_unique<FreshDatabase>();
        make(building->url());  // and closed: nothing of it is open while it is copied
        original = std::move(building);
    }
    if (backend_name() == "postgresql") {
        auto base = original->url().substr(0, original->url().find('?'));
        create(base.substr(base.rfind('/') + 1));
        return;
    }
    create("");
    const auto from = original->url().substr(7), to = url_.substr(7);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    if (fs::exists(from + "-wal")) fs::copy_file(from + "-wal", to + "-wal", fs::copy_options::overwrite_existing);
}

void FreshDatabase::create(const std::string& pg_template) {
    auto unique = std::to_string(getpid()) + "_" + std::to_string(counter++);
    if (backend_name() == "postgresql") {
        auto admin = pg_admin_url();
        auto name = "gongji_t" + unique;
        auto server = storage::Database::open(admin);
        server->sql() << "DROP DATABASE IF EXISTS " + name;
        server->sql() << "CREATE DATABASE " + name + " TEMPLATE " + pg_template + " ENCODING 'UTF8'";
        url_ = with_database(admin, name);
    } else {
        sqlite_dir_ = (fs::temp_directory_path() / ("gongji-test-" + unique)).string();
        fs::remove_all(sqlite_dir_);
        fs::create_directories(sqlite_dir_);
        url_ = "sqlite:" + sqlite_dir_ + "/test.db";
    }
}

FreshDatabase::~FreshDatabase() {
    // PostgreSQL databases go with the throwaway server; SQLite files go now.
    if (!sqlite_dir_.empty()) {
        std::error_code ec;
        fs::remove_all(sqlite_dir_, ec);
    }
}

TempDir::TempDir() {
    path_ = (fs::temp_directory_path() /
             ("gongji-tmp-" + std::to_string(getpid()) + "_" + std::to_string(counter++)))
                .string();
    fs::remove_all(path_);
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    auto p = file(name);
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p;
}

std::string tiny_png() {
    static const char bytes[] = "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02\x08\x00\x00\x00\x00\x57\xdd\x52\xf8\x00\x00\x00\x0e\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\xc0\xf0\x1f\x00\x06\x00\x01\xff\x78\x5c\xb6\x81\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    return std::string(bytes, sizeof bytes - 1);
}

}  // namespace gongji::test
