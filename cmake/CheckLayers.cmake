# The layers are a rule of the build, not a convention: configuration fails when a source file
# includes a header its layer must not know.  core: no wx, no SOCI, no database, no UI;
# storage/app/cli: no wx; ui and cli: no storage, not even through an application header.
function(gongji_check_files sources forbidden_regex)
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${forbidden_regex})")
    if(hits)
      message(FATAL_ERROR "Layer violation in ${source}: ${hits}")
    endif()
  endforeach()
endfunction()

function(gongji_check_layer dir forbidden_regex)
  file(GLOB_RECURSE sources "${CMAKE_SOURCE_DIR}/src/${dir}/*.h" "${CMAKE_SOURCE_DIR}/src/${dir}/*.cpp")
  gongji_check_files("${sources}" "${forbidden_regex}")
endfunction()

gongji_check_layer(core "wx/|soci/|sqlite3|libpq|Poco/Data|Poco/Net|storage/|app/|ui/|cli/|fstream|filesystem|cstdio|iostream")
gongji_check_layer(storage "wx/|app/|ui/|cli/")
gongji_check_layer(app "wx/|soci/|sqlite3|libpq|ui/|cli/")
gongji_check_layer(cli "wx/|soci/|sqlite3|libpq|storage/|app/platform/stores.h|ui/")
gongji_check_layer(intake "wx/|soci/|sqlite3|libpq|storage/|app/platform/stores.h|ui/|cli/")
gongji_check_layer(reports "wx/|soci/|sqlite3|libpq|storage/|app/|ui/|cli/")
gongji_check_layer(devices "wx/|soci/|sqlite3|libpq|storage/|app/|ui/|cli/")
gongji_check_layer(ui "soci/|sqlite3|libpq|storage/|app/platform/stores.h|cli/")
# GTK's file chooser opens files to show them, and closing one that is the window's database
# drops this process's SQLite locks on it (ui/file_dialogs.h): the ui chooses files through that.
gongji_check_layer(ui "wx/filedlg\\.h|wx/dirdlg\\.h|wx/filepicker\\.h")

# The application layer's interface speaks in its own and core's types: no header the ui or cli
# can include brings a repository or a storage record with it. Only app/platform/stores.h, private
# to the layer, names the repositories.
file(GLOB_RECURSE app_headers "${CMAKE_SOURCE_DIR}/src/app/*.h")
list(FILTER app_headers EXCLUDE REGEX "/stores\\.h$")
gongji_check_files("${app_headers}" "storage/|soci/")
