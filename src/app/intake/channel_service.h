#pragma once
// What a channel's back end may do through the intake service (interfaces.md third set), each
// only with its own applications: read one's state and history, upload the papers a correction
// asked for, withdraw one before a decision, read its events feed and acknowledge what it showed
// applicants (送达). Applications themselves arrive by app/cases/online_applications.h.
#include <string>
#include <vector>

#include "app/cases/captured_papers.h"
#include "app/citizen/ratings.h"
#include "app/intake/channel_keys.h"
#include "core/case_record.h"
#include "core/channel.h"

namespace gongji::app {

struct ApplicationState {
    core::Case application;
    std::vector<core::CaseEvent> history;  // oldest first
};
// Refused("apply_no_unknown") for a number this channel never handed over, whoever else did.
ApplicationState application_state(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no);

// The papers a correction asked for, stored with its answer, all or nothing: the case goes back
// to the queue. BadInput as a window's paper; Refused("correction_papers_missing") when one is
// still missing, Refused("case_state") when the case is not waiting for papers.
core::Case upload_correction(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no,
                             const std::vector<Upload>& papers);
// The applicant withdraws before a decision; Refused("already_decided") after one.
core::Case withdraw_application(Workspace& ws, const ChannelCaller& caller, const std::string& apply_no);

// A rating back from the 好差评 system for one of this channel's applications, or for a window's
// case by its number (the rating system reports the window's services too): as
// app/citizen/ratings.h store_rating.
RatingReceipt rate_service(Workspace& ws, const ChannelCaller& caller, const core::RatingInput& in);

struct EventPage {
    std::vector<core::CaseEvent> events;
    long long next = 0;  // the cursor to ask after next time
};
constexpr int kMostEventsPerPage = 500;
// The channel's events after `after`, oldest first, at most `limit` (1–500); BadInput
// ("cursor_invalid") for a cursor past the feed's end.
EventPage channel_events(Workspace& ws, const ChannelCaller& caller, long long after, int limit);
// The channel showed its applicants every event up to `cursor`: each decision or refusal among
// them is delivered (送达, "channel"). Returns how many were. BadInput("cursor_invalid") for a
// cursor past the feed's end.
int acknowledge_events(Workspace& ws, const ChannelCaller& caller, long long cursor);

// Each call the service answered whose change has no audit entry of its own (a read, a retry), and
// each it refused, in the audit log with the key that signed it (or "-" when none could be told):
// action intake.call / intake.refuse. A change's own entries name the key (its workstation).
void record_call(Workspace& ws, const ChannelCaller& caller, const std::string& method, const std::string& path, int status);
// `why`: what the channel is not told (which part of a signature failed), for the agency's IT staff.
void record_refusal(Workspace& ws, const std::string& key_id, const std::string& method, const std::string& path,
                    int status, const std::string& code, const std::string& why = "");

// Whether the database answers (the service's health).
bool database_answers(Workspace& ws);

}  // namespace gongji::app
