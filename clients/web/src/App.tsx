import { SignInPage } from './auth/SignInPage';
import { FlightSearchPage } from './flights/FlightSearchPage';
import { Header } from './layout/Header';
import { useSession } from './session';

/** Signed out: the sign-in page. Signed in: header and flight search. */
export function App() {
  const signedIn = useSession() !== null;
  if (!signedIn) return <SignInPage />;
  return (
    <>
      <Header />
      <FlightSearchPage />
    </>
  );
}
