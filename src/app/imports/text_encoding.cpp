#include "app/imports/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "app/platform/errors.h"

namespace gongji::app {
namespace {

size_t line_of(std::string_view text, size_t offset) {
    return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

std::string gb18030_to_utf8(const std::string& in) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot convert from GB18030");
    std::string out(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data());
    size_t src_left = in.size();
    char* dst = &out[0];
    size_t dst_left = out.size();
    while (src_left > 0) {
        if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) {
            if (errno == E2BIG) {
                size_t used = static_cast<size_t>(dst - out.data());
                out.resize(out.size() * 2);
                dst = &out[used];
                dst_left = out.size() - used;
                continue;
            }
            iconv_close(cd);
            size_t offset = in.size() - src_left;
            auto line = std::to_string(line_of(in, offset));
            throw BadInput("line " + line + ": the file is neither valid UTF-8 nor valid GB18030 (byte " +
                               std::to_string(offset + 1) + ")",
                           {"encoding_invalid", {{"line", line}}});
        }
    }
    iconv_close(cd);
    out.resize(static_cast<size_t>(dst - out.data()));
    return out;
}

}  // namespace

Encoding parse_encoding(const std::string& name) {
    if (name == "auto") return Encoding::auto_detect;
    if (name == "utf-8" || name == "utf8" || name == "UTF-8") return Encoding::utf8;
    if (name == "gb18030" || name == "GB18030") return Encoding::gb18030;
    throw BadInput("--encoding: must be auto, utf-8 or gb18030, not \"" + name + "\"", {"encoding_unknown", {{"encoding", name}}});
}

size_t find_invalid_utf8(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string to_utf8(std::string bytes, Encoding encoding, std::string& detected) {
    bool bom = bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (bom && encoding != Encoding::gb18030) {
        bytes.erase(0, 3);
        encoding = Encoding::utf8;
    }
    if (encoding != Encoding::gb18030) {
        size_t bad = find_invalid_utf8(bytes);
        if (bad == std::string_view::npos) {
            detected = "utf-8";
            return bytes;
        }
        if (encoding == Encoding::utf8)
            throw BadInput("line " + std::to_string(line_of(bytes, bad)) + ": not valid UTF-8 (byte " +
                               std::to_string(bad + 1) + "); try --encoding gb18030",
                           {"encoding_invalid", {{"line", std::to_string(line_of(bytes, bad))}}});
    }
    detected = "gb18030";
    return gb18030_to_utf8(bytes);
}

}  // namespace gongji::app
