import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AnalyticsPage } from './analytics/AnalyticsPage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { SignInPage } from './auth/SignInPage';
import { CheckoutPage } from './checkout/CheckoutPage';
import { FlightSearchPage } from './flights/FlightSearchPage';
import { Header } from './layout/Header';
import { HotelSearchPage } from './hotels/HotelSearchPage';
import { PackageSearchPage } from './packages/PackageSearchPage';
import { LiveBoardPage } from './live/LiveBoardPage';
import { PaymentsPage } from './payments/PaymentsPage';
import { SeatMapPage } from './seats/SeatMapPage';
import { useSession } from './session';
import { TripPage } from './trips/TripPage';
import { TripsPage } from './trips/TripsPage';

/** Signed out: the sign-in page. Signed in: header and the screen the address names. */
export function App() {
  const signedIn = useSession() !== null;
  if (!signedIn) return <SignInPage />;
  return (
    <BrowserRouter>
      <Header />
      <Routes>
        <Route path="/" element={<FlightSearchPage />} />
        <Route path="/hotels" element={<HotelSearchPage />} />
        <Route path="/packages" element={<PackageSearchPage />} />
        <Route path="/flights/:flightId/seats" element={<SeatMapPage />} />
        <Route path="/checkout/:kind/:holdId" element={<CheckoutPage />} />
        <Route path="/trips" element={<TripsPage />} />
        <Route path="/trips/:bookingId" element={<TripPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/live" element={<LiveBoardPage />} />
        <Route path="/payments" element={<PaymentsPage />} />
        <Route path="/analytics" element={<AnalyticsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
