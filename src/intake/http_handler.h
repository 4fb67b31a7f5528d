#pragma once
// HTTP's side of the service: reads a request within the limits, answers it through routes.h on
// a pooled database connection.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>

#include "intake/routes.h"
#include "intake/workspace_pool.h"

namespace gongji::intake {

struct Service {
    Service(std::string url, Limits l) : pool(std::move(url)), limits(l) {}
    WorkspacePool pool;
    Limits limits;
    RateLimiter rate;
    std::atomic<int> in_flight{0};  // requests being read or answered: a stop waits for them
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(Service& service) : service_(service) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    Service& service_;
};

}  // namespace gongji::intake
