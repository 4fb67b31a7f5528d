# The layers are a rule of the build, not a convention: configuration fails when a source file
# includes a header its layer must not know.  core: no wx, no SOCI, no database, no UI;
# storage/app/cli: no wx.  (ui arrives with the desktop app and may include wx, never SOCI.)
function(gongji_check_layer dir forbidden_regex)
  file(GLOB_RECURSE sources "${CMAKE_SOURCE_DIR}/src/${dir}/*.h" "${CMAKE_SOURCE_DIR}/src/${dir}/*.cpp")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${forbidden_regex})")
    if(hits)
      message(FATAL_ERROR "Layer violation in ${source}: ${hits}")
    endif()
  endforeach()
endfunction()

gongji_check_layer(core "wx/|soci/|sqlite3|libpq|Poco/Data|Poco/Net|storage/|app/|ui/|cli/|fstream|filesystem|cstdio|iostream")
gongji_check_layer(storage "wx/|app/|ui/|cli/")
gongji_check_layer(app "wx/|soci/|sqlite3|libpq|ui/|cli/")
gongji_check_layer(cli "wx/|soci/|sqlite3|libpq|storage/|ui/")
gongji_check_layer(reports "wx/|soci/|sqlite3|libpq|storage/|app/|ui/|cli/")
gongji_check_layer(devices "wx/|soci/|sqlite3|libpq|storage/|app/|ui/|cli/")
