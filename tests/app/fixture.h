#pragma once
// An initialized workspace on a fresh database of this run's backend, with an admin.
#include "app/trust/auth.h"
#include "app/setup/init_service.h"
#include "app/platform/stores.h"
#include "app/platform/workspace.h"
#include "support/printing.h"
#include "support/test_database.h"

namespace gongji::test {

struct InitializedWorkspace {
    FreshDatabase fresh;
    app::Workspace ws{fresh.url()};
    app::Actor admin{"admin", core::Role::admin, "test-ws"};
    TempDir files;

    // Initialized as `gongji init` does it, once per test process: each test gets a copy.
    explicit InitializedWorkspace(bool demo = false)
        : fresh(demo ? "demo" : "initialized", [demo](const std::string& url) {
              app::Workspace made(url);
              app::InitOptions options;
              options.demo = demo;
              options.admin_password = "secret";
              app::initialize(made, options);
          }) {}
};

struct DemoWorkspace : InitializedWorkspace {
    DemoWorkspace() : InitializedWorkspace(true) {}
};

}  // namespace gongji::test
