#include "roster_generator.h"

#include <cstdio>
#include <random>

#include "core/civil_date.h"
#include "core/id_number.h"

namespace gongji::bench {
namespace {

// Counties of Guangxi, Guangdong and Hebei; a person's pooling region is their prefecture.
const char* kCounties[] = {"450802", "450803", "450804", "450821", "450881", "450102", "450103",
                           "450105", "450202", "450203", "440703", "440704", "440705", "130602",
                           "130606", "130102", "130104", "450302", "450304", "450502"};
const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱"};
const char* kGiven[] = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"};

struct Person {
    std::string id, name, birth, type, region, balance;
    int gender, status;
};

Person make(std::size_t i, unsigned seed) {
    std::mt19937_64 rng(seed ^ (i * 0x9E3779B97F4A7C15ULL));
    Person p;
    // Person i is born on day i % span of 1930–2025 in "round" i / span; the round picks the
    // county (mixed with the day) and the sequence number, so (county, date, sequence) and thus
    // the ID number is unique for every i below span * 20 * 500.
    const long long from = core::CivilDate{1930, 1, 1}.days_since_epoch();
    const std::size_t span = static_cast<std::size_t>(core::CivilDate{2025, 12, 31}.days_since_epoch() - from);
    const std::size_t day = i % span, round = i / span;
    const std::size_t counties = sizeof kCounties / sizeof *kCounties;
    const char* county = kCounties[(round + day) % counties];
    auto birth = core::CivilDate::from_days_since_epoch(from + static_cast<long long>(day));
    p.gender = 1 + static_cast<int>(rng() % 2);
    int seq = static_cast<int>((round / counties) * 2 % 1000) + (p.gender == 1 ? 1 : 0);
    char first17[18];
    std::snprintf(first17, sizeof first17, "%s%04d%02d%02d%03d", county, birth.year, birth.month, birth.day, seq);
    p.id = std::string(first17) + core::id_check_character(first17);
    p.name = std::string(kSurnames[rng() % 14]) + kGiven[rng() % 16];
    p.birth = birth.to_string();
    auto roll = rng() % 100;
    p.type = roll < 58 ? "310" : roll < 95 ? "390" : roll < 99 ? "391" : "410";
    roll = rng() % 100;
    p.status = roll < 93 ? 1 : roll < 96 ? 2 : roll < 99 ? 4 : 0;
    p.region = std::string(county).substr(0, 4) + "00";
    long long fen = p.type == "310" ? static_cast<long long>(rng() % 2000000) : 0;
    p.balance = std::to_string(fen / 100) + "." + (fen % 100 < 10 ? "0" : "") + std::to_string(fen % 100);
    return p;
}

}  // namespace

std::string generated_id(std::size_t i, unsigned seed) { return make(i, seed).id; }

std::string generate_roster(std::size_t rows, unsigned seed) {
    std::string out = "id_number,name,gender,birth_date,insurance_type,status,pooling_region,account_balance\n";
    out.reserve(rows * 72 + 100);
    for (std::size_t i = 0; i < rows; ++i) {
        auto p = make(i, seed);
        out += p.id;
        out += ',';
        out += p.name;
        out += ',';
        out += std::to_string(p.gender);
        out += ',';
        out += p.birth;
        out += ',';
        out += p.type;
        out += ',';
        out += std::to_string(p.status);
        out += ',';
        out += p.region;
        out += ',';
        out += p.balance;
        out += '\n';
    }
    return out;
}

}  // namespace gongji::bench
