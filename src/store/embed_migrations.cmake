# Writes OUT: a C++ table of every DIR/NNN_name.sql, in file-name order, so the
# binary carries its schema and needs no files at run time. A change one SQL
# dialect cannot say like the other comes as NNN_name.sqlite.sql and
# NNN_name.postgresql.sql: one version, applied by the backend it names.
file(GLOB files RELATIVE ${DIR} ${DIR}/*.sql)
list(SORT files)
set(body "// Generated from src/store/migrations/*.sql by embed_migrations.cmake.\n")
string(APPEND body "#include \"store/migrations.hpp\"\n\nnamespace connex::store {\n\n")
string(APPEND body "const std::vector<Migration>& Migrations() {\n  static const std::vector<Migration> all = {\n")
foreach(f ${files})
  string(REGEX MATCH "^([0-9]+)_([a-z0-9_]+)(\\.(sqlite|postgresql))?\\.sql$" _ ${f})
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "migration ${f}: expected NNN_name.sql or NNN_name.(sqlite|postgresql).sql")
  endif()
  set(version ${CMAKE_MATCH_1})
  set(name ${CMAKE_MATCH_2})
  set(backend "${CMAKE_MATCH_4}")
  math(EXPR number "${version}")
  file(READ ${DIR}/${f} sql)
  string(APPEND body "      {${number}, \"${name}\", \"${backend}\", R\"connexsql(${sql})connexsql\"},\n")
endforeach()
string(APPEND body "  };\n  return all;\n}\n\n}  // namespace connex::store\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
