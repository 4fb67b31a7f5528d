#pragma once
// `gongji_bench intake URL APPLICATIONS CLIENTS`: the online channels' back ends posting signed
// applications to a running gongji-intake, each with two papers of about 300 KB.
#include <string>

namespace gongji::bench {

// The key from GONGJI_BENCH_KEY ("KEY_ID:SECRET", a wechat key), the 办件号 prefix from
// GONGJI_BENCH_PREFIX (else one of this run). Each client retries a request that got no answer
// (the service killed, the connection reset) with the same body until it is answered, as a
// channel must. Afterwards the channel's events feed is read back and the line printed:
//   applications=N per_s=X p50_ms p95_ms p99_ms retried=N refused=N lost=N duplicated=N
// lost: answered 201 or 200 but not in the feed; duplicated: in the feed more than once.
int run_intake(const std::string& url, int applications, int clients);

}  // namespace gongji::bench
