// gongji-intake: the service the online channels' back ends call (interfaces.md third set).
//   gongji-intake --listen ADDR:PORT --cert FILE --key FILE [--db URL] [--config FILE]
// Settings come from /etc/gongji/intake.conf (or --config), one `name = value` a line: listen,
// cert, key, db, threads, max_body_mb, max_materials, requests_per_minute; the command line wins.
// SIGTERM or SIGINT stops it: no new connections, the requests begun are answered first.
#include <Poco/AutoPtr.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Util/PropertyFileConfiguration.h>
#include <malloc.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include "app/platform/errors.h"
#include "app/platform/paths.h"
#include "app/platform/workspace.h"
#include "intake/http_handler.h"

namespace {

using namespace gongji;

constexpr int kUsageError = 2;
constexpr int kFailure = 3;
const char* const kUsage =
    "usage: gongji-intake --listen ADDR:PORT --cert FILE --key FILE [--db URL] [--config FILE]\n"
    "  the HTTPS service the online channels' back ends call (POST /v1/applications, GET /v1/events, …);\n"
    "  every request signed with a key from `gongji intake key new CHANNEL`\n"
    "  --config FILE    settings, one `name = value` a line (default /etc/gongji/intake.conf):\n"
    "                   listen, cert, key, db, threads (8), max_body_mb (32), max_materials (10),\n"
    "                   requests_per_minute (600, per key); the command line wins\n"
    "  --db URL         the agency's database, as for gongji (GONGJI_DB otherwise)\n"
    "  SIGTERM stops it once the requests begun are answered\n";

std::map<std::string, std::string> read_settings(int argc, char** argv) {
    std::map<std::string, std::string> options;
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) != 0 || i + 1 >= argc) throw std::invalid_argument("\"" + word + "\": not an option with its value");
        options[word.substr(2)] = argv[++i];
    }
    std::map<std::string, std::string> settings;
    const std::string config = options.count("config") ? options["config"] : "/etc/gongji/intake.conf";
    std::error_code missing;
    if (std::filesystem::exists(config, missing)) {
        if (std::filesystem::is_directory(config, missing))
            throw std::invalid_argument(config + ": a folder, not a file of settings");
        if (access(config.c_str(), R_OK) != 0)
            throw std::invalid_argument(config + ": cannot be read by this account (chgrp gongji-intake, chmod 0640)");
        Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file(new Poco::Util::PropertyFileConfiguration(config));
        Poco::Util::AbstractConfiguration::Keys keys;
        file->keys(keys);
        for (const auto& k : keys) settings[k] = file->getString(k);
    } else if (options.count("config") || missing) {
        throw std::invalid_argument("--config " + config + ": no such file");
    }
    for (const auto& [k, v] : options)
        if (k != "config") settings[k] = v;
    for (const auto& [k, v] : settings)
        if (k != "listen" && k != "cert" && k != "key" && k != "db" && k != "threads" && k != "max_body_mb" &&
            k != "max_materials" && k != "requests_per_minute")
            throw std::invalid_argument("\"" + k + "\": not a setting of gongji-intake");
    for (const char* needed : {"listen", "cert", "key"})
        if (!settings.count(needed)) throw std::invalid_argument(std::string("--") + needed + ": required");
    return settings;
}

int number(const std::map<std::string, std::string>& settings, const std::string& name, int fallback, int least, int most) {
    auto it = settings.find(name);
    if (it == settings.end()) return fallback;
    std::size_t used = 0;
    int n = 0;
    try {
        n = std::stoi(it->second, &used);
    } catch (const std::logic_error&) {
        used = 0;
    }
    if (used != it->second.size() || n < least || n > most)
        throw std::invalid_argument(name + ": a whole number from " + std::to_string(least) + " to " + std::to_string(most));
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "gongji-intake " << GONGJI_VERSION << "\n";
        return 0;
    }
    std::map<std::string, std::string> settings;
    intake::Limits limits;
    int threads = 8;
    try {
        settings = read_settings(argc, argv);
        threads = number(settings, "threads", 8, 1, 64);
        limits.max_body_bytes = static_cast<long long>(number(settings, "max_body_mb", 32, 1, 512)) << 20;
        limits.max_materials = number(settings, "max_materials", 10, 1, 50);
        limits.requests_per_minute = number(settings, "requests_per_minute", 600, 1, 1000000);
    } catch (const std::invalid_argument& e) {
        std::cerr << "gongji-intake: " << e.what() << "\n" << kUsage;
        return kUsageError;
    }
    // Requests bring megabytes each: glibc would map and unmap every such buffer afresh, and the
    // kernel zero-fill each page again. Kept in the heap they are reused (about a third of the
    // service's time went to those page faults).
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    // SIGTERM and SIGINT are waited for below, by this thread alone: blocked before any other starts.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    const auto url = settings.count("db") ? settings["db"] : app::default_database_url();
    try {
        {  // The schema must be the one this program writes; the service never upgrades it.
            app::Workspace ws(url);
            ws.require_current_schema();
        }
        Poco::Net::initializeSSL();
        Poco::Net::Context::Params tls;
        tls.certificateFile = settings["cert"];
        tls.privateKeyFile = settings["key"];
        tls.verificationMode = Poco::Net::Context::VERIFY_NONE;  // channels prove themselves by signature
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, tls);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        // A key that is not the certificate's would fail every handshake, unseen: said now.
        if (SSL_CTX_check_private_key(context->sslContext()) != 1)
            throw std::invalid_argument("--key " + settings["key"] + " is not the private key of --cert " + settings["cert"]);
        // Bound without SO_REUSEPORT (Poco's default sets it): a second service started on the
        // same port is refused, instead of silently sharing the channels' requests.
        Poco::Net::SecureServerSocket socket(context);
        socket.bind(Poco::Net::SocketAddress{settings["listen"]}, true, false);
        socket.listen(64);
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(threads);
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        params->setTimeout(Poco::Timespan(30, 0));
        intake::Service service(url, limits);
        Poco::Net::HTTPServer server(new intake::HandlerFactory(service), socket, params);
        server.start();
        std::cerr << "gongji-intake: listening on https://" << socket.address().toString() << " for "
                  << app::shown_url(url) << "\n";
        int signal = 0;
        sigwait(&stop_signals, &signal);
        std::cerr << "gongji-intake: stopping (signal " << signal << "), answering the requests begun\n";
        server.stop();   // no more connections taken …
        socket.close();  // … nor queued by the kernel: a new one is refused at once
        // The requests begun are answered, for 30 s at most; then every connection still open (idle
        // between requests, or a client stalled in the middle of its body) is closed. Poco's
        // gentler stopAll(false) would wait on each request itself, however long it stalls.
        for (int i = 0; i < 300 && service.in_flight > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (const int open = service.in_flight; open > 0)
            std::cerr << "gongji-intake: closing " << open << " request(s) still unfinished after 30 s\n";
        server.stopAll(true);
        Poco::Net::uninitializeSSL();
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "gongji-intake: " << e.what() << "\n";
        return kUsageError;
    } catch (const app::SchemaMismatch& e) {
        std::cerr << "gongji-intake: " << e.what() << "\n";
        return kFailure;
    } catch (const Poco::Exception& e) {  // the certificate, the key, the address
        std::cerr << "gongji-intake: " << e.displayText() << "\n";
        return kFailure;
    } catch (const std::exception& e) {
        std::cerr << "gongji-intake: " << e.what() << "\n";
        return kFailure;
    }
}
