#include "ui/customer_display.h"

#include <wx/dcmemory.h>
#include <wx/display.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "app/setup/device_settings.h"
#include "reports/qr_code.h"
#include "ui/labels.h"

namespace gongji::ui {
namespace {

CustomerDisplay* the_display = nullptr;

// A QR code as a bitmap of `side` pixels, its quiet zone included.
wxBitmap qr_bitmap(const std::string& text, int side) {
    const auto qr = reports::encode_qr(text);
    const int quiet = 4, cells = qr.width + 2 * quiet, module = std::max(1, side / cells);
    wxBitmap bitmap(cells * module, cells * module);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    dc.SetBrush(*wxBLACK_BRUSH);
    dc.SetPen(*wxTRANSPARENT_PEN);
    for (int row = 0; row < qr.width; ++row)
        for (int col = 0; col < qr.width; ++col)
            if (qr.at(row, col)) dc.DrawRectangle((col + quiet) * module, (row + quiet) * module, module, module);
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

// `text` broken into lines no wider than `width` pixels in `font`. Chinese has no spaces to
// break at (wxStaticText::Wrap breaks only there): a line ends before the character that would
// overflow it, or at the last space where it is inside a word of Latin letters and digits. No
// line starts with closing punctuation (禁则): the character before it goes down with it (a line
// left wider than its column was cut off on screen).
wxString wrapped(const wxWindow* w, const wxFont& font, const wxString& text, int width) {
    wxString out, line;
    for (auto ch : text) {
        if (ch == '\n') {
            out += line + "\n";
            line.clear();
            continue;
        }
        int extent = 0;
        w->GetTextExtent(line + ch, &extent, nullptr, nullptr, nullptr, &font);
        if (!line.empty() && extent > width) {
            const bool closing = wxString(L"。，、；：？！）》」』”’").Find(ch) != wxNOT_FOUND;
            const auto space = line.find_last_of(' ');
            const bool at_space = wxIsalnum(ch) && ch < 128 && space != wxString::npos && space > 0;
            std::size_t keep = line.length();  // what stays on this line
            if (at_space) keep = space;
            else if (closing && line.length() > 1) keep = line.length() - 1;
            out += line.substr(0, keep) + "\n";
            line = keep < line.length() ? line.substr(at_space ? keep + 1 : keep) : wxString();
            if (ch == ' ') continue;
        }
        line += ch;
    }
    return out + line;
}

}  // namespace

CustomerDisplay::CustomerDisplay(wxWindow* owner, unsigned monitor, app::CustomerView idle)
    : wxFrame(owner, wxID_ANY, _("For the citizen"), wxDefaultPosition, wxDefaultSize,
              wxFRAME_NO_TASKBAR | wxBORDER_NONE),
      idle_(std::move(idle)), back_to_idle_(this) {
    the_display = this;
    SetBackgroundColour(*wxWHITE);
    page_ = new wxPanel(this);
    page_->SetBackgroundColour(*wxWHITE);
    page_->SetForegroundColour(*wxBLACK);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(page_, 1, wxEXPAND);
    SetSizer(sizer);
    const wxDisplay display(monitor < wxDisplay::GetCount() ? monitor : 0);
    SetSize(display.GetGeometry());
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { show_idle(); });
    show_idle();
}

void CustomerDisplay::show_idle() { show(idle_); }

void CustomerDisplay::farewell(const std::string& rating_link) {
    if (rating_link.empty()) return show_idle();
    auto v = idle_;
    v.rating_link = rating_link;
    show(v);
    back_to_idle_.StartOnce(kFarewellSeconds * 1000);
}

CustomerDisplay::~CustomerDisplay() {
    if (the_display == this) the_display = nullptr;
}

CustomerDisplay* CustomerDisplay::current() { return the_display; }

void CustomerDisplay::show(const app::CustomerView& v) {
    if (v.serving) back_to_idle_.Stop();  // the next citizen: the last one's request goes
    page_->Freeze();
    page_->DestroyChildren();
    constexpr int kMargin = 40;
    const int width = GetClientSize().GetWidth();  // the monitor's, set once: every text wrapped to it
    auto* rows = new wxBoxSizer(wxVERTICAL);
    // A line of text in `into`, wrapped to `wrap` pixels, `gap` below what came before it.
    auto line = [&](wxSizer* into, int wrap, const std::string& text, int points, bool bold = false, int gap = 8) {
        const wxFont font(wxFontInfo(points).Bold(bold));
        auto* t = new wxStaticText(page_, wxID_ANY, wrap > 200 ? wrapped(page_, font, u8(text), wrap) : u8(text));
        t->SetFont(font);
        t->SetForegroundColour(*wxBLACK);
        into->Add(t, 0, wxTOP, gap);
    };
    line(rows, width - 2 * kMargin, (v.agency.empty() ? "" : v.agency + "　") + v.window + "　经办人：" + v.clerk, kBodyPoints, true, 24);
    if (!v.serving && !v.rating_link.empty()) {
        line(rows, width - 2 * kMargin, "请扫码评价本次服务（好差评）", kTitlePoints, true, 64);
        rows->Add(new wxStaticBitmap(page_, wxID_ANY, qr_bitmap(v.rating_link, 320)), 0, wxTOP, 24);
    } else if (!v.serving) {
        line(rows, width - 2 * kMargin, v.window + " 欢迎您", kTitlePoints, true, 200);
    } else {
        // Left what is recorded about the citizen; right what they read, then what they take away.
        // The letter's column the wider: it has the most to say.
        const int left_column = (width - 3 * kMargin) * 2 / 5, column = width - 3 * kMargin - left_column;
        auto* columns = new wxBoxSizer(wxHORIZONTAL);
        auto* left = new wxBoxSizer(wxVERTICAL);
        auto* right = new wxBoxSizer(wxVERTICAL);
        const bool submitted = !v.case_number.empty();
        for (const auto& p : v.parties) line(left, left_column, p.role + "：" + p.name + "\n" + p.masked_id, kBodyPoints, false, 16);
        if (!v.relation.empty()) line(left, left_column, v.relation, kBodyPoints, false, 16);
        if (!v.papers.empty()) line(left, left_column, "材料", kBodyPoints, true, 16);
        for (const auto& p : v.papers)
            line(left, left_column, std::string(p.captured ? "✔ " : "○ ") + p.label + (p.captured ? "" : "（待提供）"), kBodyPoints);
        if (!submitted) {
            if (!v.promises.empty()) line(right, column, "请阅读承诺书", kBodyPoints, true, 16);
            for (const auto& p : v.promises) line(right, column, p, kSmallestPoints, false, 2);
        } else {
            line(right, column, "办件编号\n" + v.case_number, kBodyPoints, true, 16);
            if (!v.due_text.empty()) line(right, column, v.due_text, kBodyPoints, false, 16);
            if (!v.rating_link.empty()) {
                line(right, column, "请扫码评价本次服务（好差评）", kBodyPoints, true, 24);
                right->Add(new wxStaticBitmap(page_, wxID_ANY, qr_bitmap(v.rating_link, 280)), 0, wxTOP, 16);
            }
        }
        // Columns of a fixed width: one growing never narrows the other below the width its
        // lines were broken for (a trial saw the letter's ends cut off).
        left->SetMinSize(left_column, -1);
        right->SetMinSize(column, -1);
        columns->Add(left, 0);
        columns->AddSpacer(kMargin);
        columns->Add(right, 0);
        rows->Add(columns, 1, wxEXPAND | wxTOP, 8);
    }
    auto* page = new wxBoxSizer(wxVERTICAL);
    page->Add(rows, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, kMargin);
    page_->SetSizer(page, true);
    page_->Layout();
    page_->Thaw();
    page_->Refresh();
}

wxString CustomerDisplay::shown_text() const {
    wxString text;
    for (auto* child : page_->GetChildren())
        if (auto* t = dynamic_cast<wxStaticText*>(child)) text += t->GetLabel() + "\n";
    return text;
}

CustomerDisplay* open_customer_display(wxWindow* owner, const app::CustomerView& idle) {
    app::DeviceSettings devices;
    try {
        devices = app::device_settings();
    } catch (const std::exception&) {  // an unreadable settings file: no display, the window works
        return nullptr;
    }
    // The first monitor is the clerk's: the citizen's display is one beside it, when plugged in.
    if (devices.customer_display < 1 || static_cast<unsigned>(devices.customer_display) >= wxDisplay::GetCount()) return nullptr;
    auto* display = new CustomerDisplay(owner, static_cast<unsigned>(devices.customer_display), idle);
    display->Show();
    return display;
}

}  // namespace gongji::ui
