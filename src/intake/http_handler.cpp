#include "intake/http_handler.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <istream>

namespace gongji::intake {
namespace {

void send(Poco::Net::HTTPServerResponse& response, const Reply& reply) {
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    response.setContentType("application/json; charset=utf-8");
    if (reply.retry_after > 0) response.set("Retry-After", std::to_string(reply.retry_after));
    response.setContentLength(static_cast<std::streamsize>(reply.json.size()));
    response.send() << reply.json;
}

// The body, unless it is longer than the limit: a declared length over it is refused unread,
// a chunked body as soon as it passes it.
bool read_body(Poco::Net::HTTPServerRequest& request, long long limit, std::string& body) {
    const auto declared = request.getContentLength64();
    if (declared > limit) return false;
    if (declared > 0) body.reserve(static_cast<std::size_t>(declared));
    char buffer[65536];
    auto& in = request.stream();
    while (in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (static_cast<long long>(body.size()) > limit) return false;
    }
    return true;
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(Service& service) : service_(service) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        struct Counted {
            std::atomic<int>& n;
            explicit Counted(std::atomic<int>& c) : n(c) { ++n; }
            ~Counted() { --n; }
        } counted(service_.in_flight);
        auto ws = service_.pool.take();
        if (request.getURI() == "/v1/health") {
            send(response, health(*ws));
            return;
        }
        Incoming in;
        in.method = request.getMethod();
        in.target = request.getURI();
        in.key_id = request.get("X-Gongji-Key", "");
        in.timestamp = request.get("X-Gongji-Timestamp", "");
        in.nonce = request.get("X-Gongji-Nonce", "");
        in.signature = request.get("X-Gongji-Signature", "");
        if (!read_body(request, service_.limits.max_body_bytes, in.body)) {
            response.setKeepAlive(false);  // the rest of the body is not read
            const auto too_large = refusal(413, "body_too_large");
            record_early_refusal(*ws, in, too_large);
            send(response, too_large);
            return;
        }
        send(response, answer(*ws, in, service_.limits, service_.rate));
    }

private:
    Service& service_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
    return new Handler(service_);
}

}  // namespace gongji::intake
