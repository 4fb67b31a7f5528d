#include "intake.h"

#include "latency.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>
#include <cairo.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "app/cases/captured_papers.h"
#include "app/intake/request_signature.h"
#include "app/platform/base64.h"

namespace gongji::bench {
namespace {

using Clock = std::chrono::steady_clock;

// A scan-like paper of about 300 KB: noise does not compress, as a photographed page barely does.
std::string noisy_png(unsigned seed) {
    const int width = 330, height = 300;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    std::mt19937 random(seed);
    auto* pixels = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width * 4; ++x) pixels[y * stride + x] = static_cast<unsigned char>(random());
    cairo_surface_mark_dirty(surface);
    std::string png;
    cairo_surface_write_to_png_stream(
        surface,
        [](void* out, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &png);
    cairo_surface_destroy(surface);
    return png;
}

struct Key {
    std::string id, secret;
};

class Channel {
public:
    Channel(const Poco::URI& uri, Key key, Poco::Net::Context::Ptr tls) : uri_(uri), key_(std::move(key)), tls_(tls) {}

    // The status, and the body in `answer`; throws when no answer came.
    int send(const std::string& method, const std::string& target, const std::string& body, std::string& answer) {
        if (!session_) {
            session_ = std::make_unique<Poco::Net::HTTPSClientSession>(uri_.getHost(), uri_.getPort(), tls_);
            session_->setTimeout(Poco::Timespan(30, 0));
        }
        Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
        const auto timestamp = std::to_string(std::time(nullptr));
        const auto nonce = std::to_string(std::random_device{}()) + std::to_string(std::random_device{}()) +
                           std::to_string(++nonces_);
        request.set("X-Gongji-Key", key_.id);
        request.set("X-Gongji-Timestamp", timestamp);
        request.set("X-Gongji-Nonce", nonce);
        request.set("X-Gongji-Signature",
                    app::request_signature(key_.secret, method, target, timestamp, nonce, app::sha256_hex(body)));
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        try {
            session_->sendRequest(request) << body;
            Poco::Net::HTTPResponse response;
            auto& in = session_->receiveResponse(response);
            answer.assign(std::istreambuf_iterator<char>(in), {});
            return response.getStatus();
        } catch (...) {
            session_.reset();  // a new connection for the next try
            throw;
        }
    }

private:
    Poco::URI uri_;
    Key key_;
    Poco::Net::Context::Ptr tls_;
    std::unique_ptr<Poco::Net::HTTPSClientSession> session_;
    unsigned long nonces_ = 0;
};

std::string application(const std::string& apply_no, const std::string& paper_a, const std::string& paper_b) {
    return "{\"apply_no\":\"" + apply_no + "\",\"via\":\"wechat\",\"kind\":\"bind\",\"submitted_at\":\"2026-12-07T09:30:00+08:00\","
           "\"authorizer\":{\"id_number\":\"450802196503120117\",\"name\":\"张伟\",\"phone\":\"13800000000\"},"
           "\"user\":{\"id_number\":\"450802196708200129\",\"name\":\"李秀英\"},\"relation\":\"12\",\"materials\":["
           "{\"type\":\"id_card\",\"file_name\":\"sfz.png\",\"content_base64\":\"" + paper_a + "\"},"
           "{\"type\":\"marriage_certificate\",\"file_name\":\"jhz.png\",\"content_base64\":\"" + paper_b + "\"}],"
           "\"commitment_signed\":true}";
}

// Every `apply` event of this run's numbers in the channel's feed: how often each was stored.
std::map<std::string, int> stored_in_feed(Channel& channel, const std::string& prefix) {
    std::map<std::string, int> stored;
    long long after = 0;
    for (;;) {
        std::string answer;
        if (channel.send("GET", "/v1/events?after=" + std::to_string(after) + "&limit=500", "", answer) != 200)
            throw std::runtime_error("the events feed: " + answer);
        auto page = Poco::JSON::Parser().parse(answer).extract<Poco::JSON::Object::Ptr>();
        auto events = page->getArray("events");
        if (events->size() == 0) return stored;
        for (std::size_t i = 0; i < events->size(); ++i) {
            auto e = events->getObject(static_cast<unsigned>(i));
            const auto apply_no = e->getValue<std::string>("apply_no");
            if (e->getValue<std::string>("action") == "apply" && apply_no.rfind(prefix, 0) == 0) ++stored[apply_no];
        }
        after = page->getValue<long long>("next");
    }
}

}  // namespace

int run_intake(const std::string& url, int applications, int clients) {
    const char* key_text = std::getenv("GONGJI_BENCH_KEY");
    const std::string key_value = key_text ? key_text : "";
    const auto colon = key_value.find(':');
    if (colon == std::string::npos) throw std::runtime_error("GONGJI_BENCH_KEY: KEY_ID:SECRET of a wechat key");
    const Key key{key_value.substr(0, colon), key_value.substr(colon + 1)};
    const char* prefix_text = std::getenv("GONGJI_BENCH_PREFIX");
    const std::string prefix = prefix_text ? prefix_text : "BENCH-" + std::to_string(getpid()) + "-";
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr tls =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    const Poco::URI uri(url);
    const auto paper_a = app::to_base64(noisy_png(1)), paper_b = app::to_base64(noisy_png(2));

    std::atomic<int> next{0}, retried{0}, refused{0};
    std::mutex mutex;
    std::vector<double> latencies_ms;
    std::vector<std::string> acknowledged;
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&] {
            Channel channel(uri, key, tls);
            for (int n; (n = next++) < applications;) {
                const auto apply_no = prefix + std::to_string(n);
                const auto body = application(apply_no, paper_a, paper_b);
                const auto sent = Clock::now();
                for (;;) {
                    std::string answer;
                    int status = 0;
                    try {
                        status = channel.send("POST", "/v1/applications", body, answer);
                    } catch (const std::exception&) {
                        status = 0;  // no answer: the service went away; the same request again
                    }
                    if (status == 0 || status == 503 || status == 429) {
                        ++retried;
                        std::this_thread::sleep_for(std::chrono::milliseconds(100));
                        continue;
                    }
                    std::lock_guard<std::mutex> lock(mutex);
                    if (status == 201 || status == 200) {
                        latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                        acknowledged.push_back(apply_no);
                    } else {
                        ++refused;
                        if (refused == 1) std::fprintf(stderr, "gongji_bench intake: %d %s\n", status, answer.c_str());
                    }
                    break;
                }
            }
        });
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

    Channel reader(uri, key, tls);
    std::map<std::string, int> stored;
    for (;;) {
        try {
            stored = stored_in_feed(reader, prefix);
            break;
        } catch (const Poco::Exception&) {  // the service restarting after the last kill
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    int lost = 0, duplicated = 0;
    for (const auto& apply_no : acknowledged) lost += stored.count(apply_no) == 0;
    for (const auto& [apply_no, times] : stored) duplicated += times - 1;
    std::printf("applications=%zu per_s=%.1f p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f retried=%d refused=%d lost=%d duplicated=%d\n",
                acknowledged.size(), static_cast<double>(acknowledged.size()) / seconds, percentile(latencies_ms, 0.50),
                percentile(latencies_ms, 0.95), percentile(latencies_ms, 0.99), retried.load(), refused.load(), lost,
                duplicated);
    Poco::Net::uninitializeSSL();
    return 0;
}

}  // namespace gongji::bench
